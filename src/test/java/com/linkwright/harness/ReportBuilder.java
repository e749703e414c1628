package com.linkwright.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the Allure report after the suites ran (./mvnw verify, post-integration-test): carries the previous
 * report's history over for the trend, adds the run's environment, then renders one self-contained HTML file and
 * keeps its history for the next run. Prints the run summary and where the time went.
 * Arguments: results folder, report folder, Allure commandline home.
 */
public final class ReportBuilder {
  private ReportBuilder() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    long began = System.nanoTime();
    Path results = Path.of(args[0]);
    Path report = Path.of(args[1]);
    Path allureHome = Path.of(args[2]);
    if (!Files.isDirectory(results)) {
      System.out.println("[linkwright] No Allure results in " + results + ": no scenario ran, so no report.");
      return;
    }
    RunSummary summary = RunSummary.read(results);
    writeEnvironment(results);
    Path singleFile = generate(results, report, allureHome);
    Path allure = allureHome.resolve("bin").resolve("allure");
    Path single = singleFile.getParent();
    double reportSeconds = (System.nanoTime() - began) / 1e9;
    // Cucumber's own switch (set with -D on the Maven command line, so it is in this JVM too)
    boolean dryRun = Boolean.getBoolean("cucumber.execution.dry-run");
    System.out.println("[linkwright] " + (dryRun ? "DRY RUN (glue checked, no browser, nothing linked): " : "") + summary.line());
    System.out.println("[linkwright] " + Phases.line(Path.of("target", "linkwright-phases.properties"), summary, reportSeconds));
    System.out.println("[linkwright] Allure report: " + singleFile + " (open it in a browser; or serve it: "
        + allure + " open " + single + ")");
    for (ShardRecords.Record shard : ShardRecords.read(results)) {
      System.out.println("[linkwright] " + shard.describe());
    }
    if (summary.scenarios() == 0 && ShardRecords.emptyShare(results).isPresent()) {
      System.out.println("[linkwright] " + ShardRecords.emptyShare(results).get());
    } else if (summary.scenarios() == 0) {
      throw new IllegalStateException("No scenario ran: the selection (cucumber.filter.tags, cucumber.features, a line "
          + "number) matched nothing. Check the tag expression or the file:line against features/.");
    }
  }

  /**
   * Renders the results as one self-contained file, the previous report's history carried over for the trend, and
   * keeps its history (and a whole run's durations, which balance the next sharded run) for the next run.
   * The single-run report and the merge of shards (MergeReports) both build it here.
   */
  static Path generate(Path results, Path report, Path allureHome) throws IOException, InterruptedException {
    Path history = report.resolve("history");
    if (Files.isDirectory(history)) {
      copyTree(history, results.resolve("history"));
    }
    Path allure = allureHome.resolve("bin").resolve("allure");
    if (!Files.isExecutable(allure)) {
      allure.toFile().setExecutable(true);
    }
    // One generation: the single file opens straight from disk and carries the trend; its history is kept beside it
    // for the next run's trend.
    Path single = report.resolve("single");
    ProcessBuilder generate = new ProcessBuilder(allure.toString(), "generate", results.toString(), "-o", single.toString(),
        "--clean", "--single-file").redirectErrorStream(true);
    // a short-lived JVM: the quick compiler alone and the simplest collector get it done sooner than the defaults
    generate.environment().merge("JAVA_OPTS", ALLURE_JVM, (mine, ours) -> mine + " " + ours);
    Process p = generate.start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("Allure could not build the report: " + output);
    }
    Path singleFile = single.resolve("index.html").toAbsolutePath();
    keepHistory(singleFile, history);
    Durations.keep(results, history);
    return singleFile;
  }

  private static final String ALLURE_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /**
   * The single file embeds every file of the report, the trend's history/*.json among them, each as
   * {@code d('history/name.json','base64')}: written out, they are what the next run's report continues.
   */
  static void keepHistory(Path singleFile, Path history) throws IOException {
    String html = Files.readString(singleFile);
    Matcher embedded = Pattern.compile("d\\('history/([A-Za-z0-9._-]+)','([A-Za-z0-9+/=]*)'\\)").matcher(html);
    List<String> kept = new ArrayList<>();
    Files.createDirectories(history);
    while (embedded.find()) {
      Files.write(history.resolve(embedded.group(1)), Base64.getDecoder().decode(embedded.group(2)));
      kept.add(embedded.group(1));
    }
    if (!kept.contains("history.json")) {
      throw new IllegalStateException("Allure's single file " + singleFile + " carries no history/history.json: the "
          + "trend cannot carry over. Has Allure's single-file format changed (allure.commandline.version in pom.xml)?");
    }
  }

  /** environment.properties, executor.json and categories.json beside the results, for Allure's panels. */
  private static void writeEnvironment(Path results) throws IOException, InterruptedException {
    java.util.Properties env = new java.util.Properties();
    Path run = Path.of("target", "linkwright-run.properties");
    if (Files.isRegularFile(run)) {
      try (var in = Files.newBufferedReader(run)) {
        env.load(in);
      }
    }
    String commit = git("rev-parse", "--short", "HEAD");
    env.setProperty("Commit", commit);
    env.setProperty("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    env.setProperty("Java", System.getProperty("java.version"));
    try (var out = Files.newBufferedWriter(results.resolve("environment.properties"))) {
      env.store(out, null);
    }
    boolean ci = System.getenv("CI") != null;
    String executor = "{\"name\":\"" + (ci ? "CI" : "local") + "\",\"type\":\"" + (ci ? "ci" : "local")
        + "\",\"buildName\":\"linkwright " + commit + "\",\"reportName\":\"Linkwright: Instagram linking\"}";
    Files.writeString(results.resolve("executor.json"), executor);
    try (var categories = ReportBuilder.class.getResourceAsStream("/allure/categories.json")) {
      Files.copy(categories, results.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown (no git)";
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
