package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The flake policy, proven by what Maven itself decides. With {@code retries=2}, a scenario that fails on every
 * attempt fails the build; one that fails once and passes when failsafe runs it again is reported flaky (failsafe's
 * Flakes, the run summary line, the Allure report's "Flaky" category) and the build passes.
 *
 * <p>Each case is a whole {@code ./mvnw -o verify} of this project (the same pom, failsafe, report builder and
 * verify), run on a copy under target/flake-policy/ so that the outer build's target/ is never touched. The copy
 * holds the classes this build compiled and no sources, so the nested build compiles nothing; being a selection (a
 * tag), it runs no unit test; its only tests are the deliberate scenarios (src/test/resources/deliberate/flake, glue in
 * com.linkwright.deliberate), which need no browser, app or stubs. The two builds run side by side, in a whole run
 * beside the scenarios ({@link StartsEarly}).
 */
class FlakePolicyIT {
  private static final Path WORK = Path.of("target", "flake-policy");
  private static final String FAILING = "A scenario that fails on every attempt";
  private static final String FLAKY = "A scenario that fails once, then passes when it is run again";
  private static NestedBuild failing;
  private static NestedBuild flaky;
  /** The builds {@link StartsEarly} started for this class, until it takes them. */
  private static NestedBuild[] early;
  private static boolean ran;

  @BeforeAll
  static void runBothBuilds() throws Exception {
    NestedBuild[] builds = take();
    failing = builds[0];
    flaky = builds[1];
    failing.await();
    flaky.await();
  }

  /** The builds started early, or two new ones (this class alone; failsafe's rerun of it, which starts afresh). */
  private static synchronized NestedBuild[] take() throws IOException {
    NestedBuild[] builds = early != null ? early : startBoth();
    early = null;
    ran = true;
    return builds;
  }

  /** Starts the builds ahead of this class, unless they are started or the class has run already. */
  private static synchronized void startEarly() throws IOException {
    if (early == null && !ran) {
      early = startBoth();
    }
  }

  private static NestedBuild[] startBoth() throws IOException {
    NestedBuild[] builds = {NestedBuild.start("fails-on-every-attempt"), NestedBuild.start("passes-on-a-retry")};
    // a run that ends before the builds do (a failed fork, a ^C) leaves none behind
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (NestedBuild b : builds) {
        b.process.descendants().forEach(ProcessHandle::destroyForcibly);
        b.process.destroyForcibly();
      }
    }, "flake-policy-builds-stop"));
    return builds;
  }

  /**
   * Starts the two builds while the scenarios run, when this class is in the run: they are processes of their own,
   * and one worker's scenarios leave about a third of this machine's two cores idle, which the builds fill (they are
   * done long before the scenarios are, so this class only reads their outcome). They start when the first test of the
   * run has finished, so that the harness start and the first scenario do not share the machine with them.
   */
  public static final class StartsEarly implements TestExecutionListener {
    private final AtomicBoolean inThisRun = new AtomicBoolean();
    private final Start start;

    /** What starts the builds. */
    interface Start {
      void builds() throws IOException;
    }

    public StartsEarly() {
      this(FlakePolicyIT::startEarly);
    }

    StartsEarly(Start start) {
      this.start = start;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
      inThisRun.set(plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
          .anyMatch(id -> id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
              .filter(c -> c.getClassName().equals(FlakePolicyIT.class.getName())).isPresent()));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (id.isTest() && inThisRun.compareAndSet(true, false)) {
        try {
          start.builds();
        } catch (IOException e) {
          // FlakePolicyIT tries again when it runs, and fails with what went wrong
          System.out.println("[linkwright] the flake policy's builds could not start early: " + e.getMessage());
        }
      }
    }
  }

  @Test
  void aScenarioThatFailsOnEveryRetryFailsTheBuild() throws IOException {
    assertThat(failing.exitCode).as(failing.describe()).isNotZero();
    assertThat(failing.log).as(failing.describe())
        .contains("Run 1: DeliberateFlakeSuite", "Run 2: DeliberateFlakeSuite", "Run 3: DeliberateFlakeSuite")
        .containsPattern("Failed to execute goal org\\.apache\\.maven\\.plugins:maven-failsafe-plugin:[0-9.]+:verify .*There are test failures")
        .contains("[linkwright] scenarios: 0 passed, 1 failed, 0 broken, 0 flaky, 0 skipped of 1")
        .doesNotContain("FLAKY:", "BUILD SUCCESS");
    assertThat(failing.failsafeSummary("failures")).isEqualTo(1);
    assertThat(failing.failsafeSummary("flakes")).isZero();
    assertThat(failing.reportData("data/categories.json")).contains("\"name\":\"Product regressions\"", FAILING)
        .doesNotContain("Flaky (passed on a retry)");
  }

  @Test
  void aScenarioThatPassesOnARetryIsReportedFlakyAndDoesNotFailTheBuild() throws IOException {
    assertThat(flaky.exitCode).as(flaky.describe()).isZero();
    assertThat(flaky.log).as(flaky.describe())
        .contains("Flakes: 1", "Run 2: PASS", "BUILD SUCCESS")
        .contains("[linkwright] scenarios: 1 passed, 0 failed, 0 broken, 1 flaky, 0 skipped of 1")
        .contains("FLAKY: " + FLAKY);
    assertThat(flaky.failsafeSummary("failures")).isZero();
    assertThat(flaky.failsafeSummary("errors")).isZero();
    assertThat(flaky.failsafeSummary("flakes")).isEqualTo(1);
    assertThat(flaky.reportData("data/categories.json")).contains("\"name\":\"Flaky (passed on a retry)\"", FLAKY, "\"flaky\":true")
        .doesNotContain("Product regressions");
  }

  /**
   * What the pom's selection-* profiles promise, in a real build: a run with -Dcucumber.filter.tags skips surefire
   * (the copy holds all of this build's unit tests), and runs its scenario.
   */
  @Test
  void aSelectionOfScenariosRunsThoseAndNoUnitTest() {
    assertThat(flaky.log).as(flaky.describe())
        .containsPattern("--- surefire:[0-9.]+:test \\(default-test\\) @ linkwright ---\\R\\[INFO\\] Tests are skipped\\.")
        .contains("; JUnit tests: none ran", "[linkwright] JUnit tests' report: none: " + ReportBuilder.SELECTION_RUNS_SCENARIOS_ONLY)
        .contains("[linkwright] scenarios: 1 passed");
  }

  /** One Maven build of a copy of this project, running one deliberate scenario (by its tag) with retries=2. */
  private static final class NestedBuild {
    private final String tag;
    private final Path dir;
    private final Process process;
    private int exitCode;
    private String log;

    private NestedBuild(String tag, Path dir, Process process) {
      this.tag = tag;
      this.dir = dir;
      this.process = process;
    }

    static NestedBuild start(String tag) throws IOException {
      Path dir = WORK.resolve(tag).toAbsolutePath();
      deleteTree(dir);
      Files.createDirectories(dir);
      for (String file : List.of("pom.xml", "playwright.config", "mvnw")) {
        Files.copy(Path.of(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
      }
      copyTree(Path.of(".mvn"), dir.resolve(".mvn"));
      copyTree(Path.of("target", "classes"), dir.resolve("target").resolve("classes"));
      copyTree(Path.of("target", "test-classes"), dir.resolve("target").resolve("test-classes"));
      // a selection of scenarios (the tag) runs no unit tests: aSelectionOfScenariosRunsThoseAndNoUnitTest
      List<String> command = new ArrayList<>(List.of(dir.resolve("mvnw").toString(), "-o", "-B", "verify",
          "-Dit.test=DeliberateFlakeSuite", "-Dcucumber.filter.tags=@" + tag, "-Dretries=2"));
      String repo = System.getProperty("maven.repo.local");
      if (repo != null) {
        command.add("-Dmaven.repo.local=" + repo);
      }
      ProcessBuilder build = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("build.log").toFile());
      // nothing of the outer command line leaks in (Maven 3.9 reads MAVEN_ARGS)
      build.environment().remove("MAVEN_ARGS");
      return new NestedBuild(tag, dir, build.start());
    }

    void await() throws InterruptedException, IOException {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("The nested build for @" + tag + " took more than 10 minutes; its log: " + dir.resolve("build.log"));
      }
      exitCode = process.exitValue();
      log = Files.readString(dir.resolve("build.log"));
    }

    String describe() {
      return "the nested build for @" + tag + " (exit " + exitCode + ", log " + dir.resolve("build.log") + ")";
    }

    /** A count from failsafe's own summary, the file its verify goal decides on. */
    int failsafeSummary(String element) throws IOException {
      String xml = Files.readString(dir.resolve("target/failsafe-reports/failsafe-summary.xml"));
      Matcher m = Pattern.compile("<" + element + ">(\\d+)</" + element + ">").matcher(xml);
      assertThat(m.find()).as("<%s> in failsafe-summary.xml:%n%s", element, xml).isTrue();
      return Integer.parseInt(m.group(1));
    }

    /** A file of the Allure report, as the single-file report embeds it. */
    String reportData(String name) throws IOException {
      String html = Files.readString(dir.resolve("target/allure-report/single/index.html"));
      Matcher m = Pattern.compile("d\\('" + Pattern.quote(name) + "','([A-Za-z0-9+/=]*)'\\)").matcher(html);
      assertThat(m.find()).as("%s in the report of %s", name, describe()).isTrue();
      return new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.delete(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
