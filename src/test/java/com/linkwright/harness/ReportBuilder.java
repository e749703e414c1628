package com.linkwright.harness;

import com.linkwright.harness.guide.AllureSingleFile;
import com.linkwright.harness.guide.GuideOutline;
import com.linkwright.harness.guide.LivingGuide;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds what people read after the suites ran (./mvnw verify, post-integration-test): the Allure report of the
 * linking scenarios, one of the project's own JUnit tests, each one self-contained HTML file carrying its trend (the
 * previous report's history is carried over and kept for the next run), and the living guide. Prints the run
 * summary, where the time went and where each one is.
 * Arguments: results folder, report folder, Allure commandline home, living guide folder.
 */
public final class ReportBuilder {
  private ReportBuilder() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    build(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), System.out);
  }

  /** Everything main does, saying it on {@code out}; for a test to build from a results folder of its own. */
  public static void build(Path results, Path report, Path allureHome, Path guideFolder, PrintStream out)
      throws IOException, InterruptedException {
    long began = System.nanoTime();
    Path guide = guideFolder.resolve("index.html").toAbsolutePath();
    if (!Files.isDirectory(results)) {
      out.println("[linkwright] No Allure results in " + results + ": no scenario ran, so no report.");
      return;
    }
    RunSummary summary = RunSummary.read(results);
    FlakyResults.mark(results);
    // the linking scenarios are the report; the project's own JUnit tests get a report of their own
    ReportSplit.Parts parts = ReportSplit.split(results, report.resolve("results"));
    Path single = report.resolve("single");
    Path selfTests = report.resolve("self-tests");
    Path singleFile = single.resolve("index.html").toAbsolutePath();
    Path selfTestsFile = selfTests.resolve("index.html").toAbsolutePath();
    String commit = git("rev-parse", "--short", "HEAD");
    writeEnvironment(parts.scenarios(), commit, single.toAbsolutePath(), guide, selfTestsFile, summary);
    writeSelfTestsEnvironment(parts.selfTests(), commit, selfTestsFile, singleFile);
    Path allure = allureHome.resolve("bin").resolve("allure");
    if (!Files.isExecutable(allure)) {
      allure.toFile().setExecutable(true);
    }
    // the two reports are generated side by side; each carries its own trend
    Process scenariosReport = generate(allure, parts.scenarios(), report.resolve("history"), single);
    Process selfTestsReport = parts.selfTestResults() == 0 ? null
        : generate(allure, parts.selfTests(), report.resolve("self-tests-history"), selfTests);
    awaitReport(scenariosReport, parts.scenarios(), "the scenarios' report");
    keepHistory(singleFile, report.resolve("history"));
    Durations.keep(parts.scenarios(), report.resolve("history"));
    if (selfTestsReport != null) {
      awaitReport(selfTestsReport, parts.selfTests(), "the JUnit tests' report");
      keepHistory(selfTestsFile, report.resolve("self-tests-history"));
    }
    String guideSays = LivingGuide.write(results, singleFile, Optional.ofNullable(selfTestsReport).map(p -> selfTestsFile),
        guide, GuideOutline.GUIDE).line();
    double reportSeconds = (System.nanoTime() - began) / 1e9;
    // Cucumber's own switch (set with -D on the Maven command line, so it is in this JVM too)
    boolean dryRun = Boolean.getBoolean("cucumber.execution.dry-run");
    out.println("[linkwright] " + (dryRun ? "DRY RUN (glue checked, no browser, nothing linked): " : "") + summary.line());
    out.println("[linkwright] " + Phases.line(Path.of("target", "linkwright-phases.properties"), summary, reportSeconds));
    out.println("[linkwright] Allure report of the scenarios: " + singleFile + " (open it in a browser; or serve it: "
        + allure + " open " + single + ")");
    out.println("[linkwright] Living guide: " + guide + " (" + guideSays + ")");
    out.println("[linkwright] JUnit tests' report: " + (selfTestsReport != null ? selfTestsFile
        : noJUnitReport(System.getProperties())));
    for (ShardRecords.Record shard : ShardRecords.read(results)) {
      out.println("[linkwright] " + shard.describe());
    }
    if (summary.scenarios() == 0) {
      out.println("[linkwright] " + whyNoScenario(ShardRecords.emptyShare(results), System.getProperty("it.test")));
    }
  }

  /**
   * Why a run ran no scenario, when that is no failure: a shard whose share is empty, or failsafe's own selection
   * (-Dit.test) leaving the feature suite out. Otherwise the scenario selection matched nothing, and the run fails.
   */
  static String whyNoScenario(Optional<String> emptyShare, String itTest) {
    if (emptyShare.isPresent()) {
      return emptyShare.get();
    }
    if (itTest != null && !itTest.isBlank() && !selects(itTest, RUN_CUCUMBER_IT)) {
      return "no scenario in this run: -Dit.test=" + itTest + " chose JUnit tests only, not the feature suite ("
          + RUN_CUCUMBER_IT.substring(RUN_CUCUMBER_IT.lastIndexOf('.') + 1) + "; add it to run the scenarios too).";
    }
    throw new IllegalStateException("No scenario ran: the selection (cucumber.filter.tags, cucumber.features, a line "
        + "number) matched nothing. Check the tag expression or the file:line against features/.");
  }

  private static final String RUN_CUCUMBER_IT = "com.linkwright.suite.RunCucumberIT";
  /** Why there is no JUnit tests' report: a selection runs none; otherwise (a shard without them) none ran. */
  static String noJUnitReport(Properties properties) {
    return ScenarioSelection.chosen(properties) ? "none: " + SELECTION_RUNS_SCENARIOS_ONLY : "none, no JUnit test ran";
  }

  static final String SELECTION_RUNS_SCENARIOS_ONLY = "a selection runs its scenarios only (the unit tests: ./mvnw "
      + "test; every test: ./mvnw verify without a selection)";

  /** Whether failsafe's -Dit.test (comma-separated class patterns, * and ?, #methods, !exclusions) takes this class. */
  static boolean selects(String itTest, String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    for (String pattern : itTest.split(",")) {
      String p = pattern.trim().replaceFirst("#.*$", "").replaceFirst("\\.(java|class)$", "");
      if (p.isEmpty() || p.startsWith("!")) {
        continue;
      }
      StringBuilder regex = new StringBuilder();
      for (String part : p.replace("**/", "*").split("(?=[*?])|(?<=[*?])")) {
        regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : java.util.regex.Pattern.quote(part));
      }
      if (simple.matches(regex.toString()) || className.matches(regex.toString())
          || className.replace('.', '/').matches(regex.toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The merge of shards' results (MergeReports): their scenarios rendered as one self-contained file, the previous
   * report's history carried over, its history and a whole run's durations (which balance the next sharded run) kept.
   */
  static Path generate(Path results, Path report, Path allureHome) throws IOException, InterruptedException {
    FlakyResults.mark(results);
    ReportSplit.Parts parts = ReportSplit.split(results, report.resolve("results"));
    for (String panel : List.of("environment.properties", "executor.json", "categories.json")) {
      if (Files.isRegularFile(results.resolve(panel))) {
        Files.copy(results.resolve(panel), parts.scenarios().resolve(panel), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path allure = allureHome.resolve("bin").resolve("allure");
    if (!Files.isExecutable(allure)) {
      allure.toFile().setExecutable(true);
    }
    Path single = report.resolve("single");
    awaitReport(generate(allure, parts.scenarios(), report.resolve("history"), single), parts.scenarios(),
        "the merged scenarios' report");
    Path singleFile = single.resolve("index.html").toAbsolutePath();
    keepHistory(singleFile, report.resolve("history"));
    Durations.keep(parts.scenarios(), report.resolve("history"));
    return singleFile;
  }

  /**
   * Starts Allure on one part of the results, the previous report's history copied in for the trend: one
   * self-contained file that opens straight from disk.
   */
  private static Process generate(Path allure, Path results, Path history, Path out) throws IOException {
    if (Files.isDirectory(history)) {
      copyTree(history, results.resolve("history"));
    }
    // what Allure says goes to a file beside its input, read back only if it fails (two run at once: no pipe to fill)
    ProcessBuilder generate = new ProcessBuilder(allure.toString(), "generate", results.toString(), "-o", out.toString(),
        "--clean", "--single-file").redirectErrorStream(true).redirectOutput(allureLog(results).toFile());
    // a short-lived JVM: the quick compiler alone and the simplest collector get it done sooner than the defaults
    generate.environment().merge("JAVA_OPTS", ALLURE_JVM, (mine, ours) -> mine + " " + ours);
    return generate.start();
  }

  private static void awaitReport(Process p, Path results, String which) throws IOException, InterruptedException {
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("Allure could not build " + which + ": " + Files.readString(allureLog(results)));
    }
  }

  private static Path allureLog(Path results) {
    return results.resolveSibling(results.getFileName() + "-allure.log");
  }

  private static final String ALLURE_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  /**
   * The single file embeds every file of the report, the trend's history/*.json among them, each as
   * {@code d('history/name.json','base64')}: written out, they are what the next run's report continues.
   */
  static void keepHistory(Path singleFile, Path history) throws IOException {
    List<String> kept = new ArrayList<>();
    Files.createDirectories(history);
    for (var embedded : AllureSingleFile.files(singleFile, "history/").entrySet()) {
      String name = embedded.getKey().substring("history/".length());
      Files.write(history.resolve(name), embedded.getValue());
      kept.add(name);
    }
    if (!kept.contains("history.json")) {
      throw new IllegalStateException("Allure's single file " + singleFile + " carries no history/history.json: the "
          + "trend cannot carry over. Has Allure's single-file format changed (allure.commandline.version in pom.xml)?");
    }
  }

  /**
   * environment.properties, executor.json and categories.json beside the scenarios' results, for Allure's panels. The
   * front page links to the living guide (the executor's build link, relative, so it survives the folder being moved)
   * and to the JUnit tests' report (the Environment panel, which links only whole URLs).
   */
  private static void writeEnvironment(Path results, String commit, Path reportFolder, Path guide, Path selfTests,
                                       RunSummary summary) throws IOException {
    java.util.Properties env = new java.util.Properties();
    Path run = Path.of("target", "linkwright-run.properties");
    if (Files.isRegularFile(run)) {
      try (var in = Files.newBufferedReader(run)) {
        env.load(in);
      }
    }
    env.setProperty("Commit", commit);
    env.setProperty("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    env.setProperty("Java", System.getProperty("java.version"));
    env.setProperty("Living guide", guide.toUri().toString());
    env.setProperty("JUnit tests (" + summary.junitTests() + ", " + summary.junitFailed() + " not passed)",
        selfTests.toUri().toString());
    try (var out = Files.newBufferedWriter(results.resolve("environment.properties"))) {
      env.store(out, null);
    }
    writeExecutor(results, commit, "Linkwright: Instagram linking",
        "Living guide: both flows step by step, in this run's screens", reportFolder.relativize(guide));
    try (var categories = ReportBuilder.class.getResourceAsStream("/allure/categories.json")) {
      Files.copy(categories, results.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeSelfTestsEnvironment(Path results, String commit, Path selfTests, Path scenarios) throws IOException {
    java.util.Properties env = new java.util.Properties();
    env.setProperty("Commit", commit);
    env.setProperty("Java", System.getProperty("java.version"));
    try (var out = Files.newBufferedWriter(results.resolve("environment.properties"))) {
      env.store(out, null);
    }
    writeExecutor(results, commit, "Linkwright: the project's own JUnit tests", "The linking scenarios' report",
        selfTests.getParent().relativize(scenarios));
  }

  private static void writeExecutor(Path results, String commit, String reportName, String linkName, Path link)
      throws IOException {
    boolean ci = System.getenv("CI") != null;
    var executor = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("name", ci ? "CI" : "local").put("type", ci ? "ci" : "local")
        .put("buildName", linkName + " (linkwright " + commit + ")")
        .put("buildUrl", link.toString().replace('\\', '/'))
        .put("reportName", reportName);
    Files.writeString(results.resolve("executor.json"), executor.toString());
  }

  private static String git(String... args) throws InterruptedException {
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
