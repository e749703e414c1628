package com.linkwright.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the Allure report after the suites ran (./mvnw verify, post-integration-test): carries the previous
 * report's history over for the trend, adds the run's environment, then renders one self-contained HTML file.
 * Arguments: results folder, report folder, Allure commandline home.
 */
public final class ReportBuilder {
  private ReportBuilder() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path results = Path.of(args[0]);
    Path report = Path.of(args[1]);
    Path allureHome = Path.of(args[2]);
    if (!Files.isDirectory(results)) {
      System.out.println("[linkwright] No Allure results in " + results + ": no scenario ran, so no report.");
      return;
    }
    RunSummary summary = RunSummary.read(results);
    writeEnvironment(results);
    Path history = report.resolve("history");
    if (Files.isDirectory(history)) {
      copyTree(history, results.resolve("history"));
    }
    Path allure = allureHome.resolve("bin").resolve("allure");
    if (!Files.isExecutable(allure)) {
      allure.toFile().setExecutable(true);
    }
    List<String> command = new ArrayList<>(List.of(allure.toString(), "generate", results.toString(), "-o", report.toString(), "--clean"));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("Allure could not build the report: " + output);
    }
    // The single-file copy opens straight from disk; the folder (with history/) is what the next run's trend reads.
    Process single = new ProcessBuilder(allure.toString(), "generate", results.toString(), "-o", report.resolve("single").toString(),
        "--clean", "--single-file").redirectErrorStream(true).start();
    String singleOut = new String(single.getInputStream().readAllBytes());
    if (!single.waitFor(120, TimeUnit.SECONDS) || single.exitValue() != 0) {
      throw new IllegalStateException("Allure could not build the single-file report: " + singleOut);
    }
    Path singleFile = report.resolve("single").resolve("index.html").toAbsolutePath();
    // Cucumber's own switch (set with -D on the Maven command line, so it is in this JVM too)
    boolean dryRun = Boolean.getBoolean("cucumber.execution.dry-run");
    System.out.println("[linkwright] " + (dryRun ? "DRY RUN (glue checked, no browser, nothing linked): " : "") + summary.line());
    System.out.println("[linkwright] Allure report: " + singleFile + " (open it in a browser; or serve the folder: "
        + allure + " open " + report + ")");
    if (summary.scenarios() == 0) {
      throw new IllegalStateException("No scenario ran: the selection (cucumber.filter.tags, cucumber.features, a line "
          + "number) matched nothing. Check the tag expression or the file:line against features/.");
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
