package com.linkwright.harness;

import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.api.Order;

/**
 * The split as Cucumber runs it: the real features, dry runs (glue checked, no browser), once whole and once per
 * shard. What the shards ran together is what the whole run ran, each scenario once, whatever the selection.
 */
// one of the slow classes: started first (surefire runs two at a time)
@Order(1)
// reads the system properties a selection sets (ScenarioSelectionTest writes them)
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class ShardFilterTest {

  @Test
  void theShardsOfTheWholeSuiteRunEveryScenarioOnce(@TempDir Path results) throws IOException {
    assertShardsRunTheWholeSelection(3, Map.of(), results);
  }

  @Test
  void theShardsComposeWithATagExpression(@TempDir Path results) throws IOException {
    Set<String> whole = assertShardsRunTheWholeSelection(2, Map.of("cucumber.filter.tags", "@errors and not @facebook"), results);
    // split by what is selected, not by what the engine found: 2 shards of the selection differ by one at most
    List<ShardRecords.Record> records = new ArrayList<>(ShardRecords.read(results.resolve("shard-1")));
    records.addAll(ShardRecords.read(results.resolve("shard-2")));
    assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.plan()).hasSize(whole.size()));
    assertThat(records.get(0).plan()).isEqualTo(records.get(1).plan());
    assertThat(Math.abs(records.get(0).mine().size() - records.get(1).mine().size())).isLessThanOrEqualTo(1);
  }

  @Test
  void theShardsComposeWithANameAndWithFeatureLines(@TempDir Path results) throws IOException {
    assertShardsRunTheWholeSelection(2, Map.of("cucumber.filter.name", ".*(Creator|Personal).*"), results.resolve("name"));
    // an outline's examples are scenarios of their own (one line each)
    assertShardsRunTheWholeSelection(3, Map.of("cucumber.features", "features/media.feature,features/direct.feature:11"),
        results.resolve("lines"));
  }

  @Test
  void aShardWhoseShareIsEmptyRunsNothingAndSaysWhy(@TempDir Path results) throws IOException {
    Map<String, String> one = Map.of("cucumber.features", "features/direct.feature:11");
    assertThat(run(one, new Shard(2, 2), results)).isEmpty();
    assertThat(ShardRecords.emptyShare(results)).hasValueSatisfying(why -> assertThat(why)
        .isEqualTo("shard 2/2 ran no scenario: none of the 1 selected falls to it. That is not a failure; the other shards run them."));
    assertThat(run(one, new Shard(1, 2), results.resolve("first"))).containsExactly("features/direct.feature:11");
    assertThat(ShardRecords.emptyShare(results.resolve("first"))).isEmpty();
  }

  @Test
  void oneWorkerRunsTheScenariosInTheOrderOfTheirFile(@TempDir Path results) {
    // the Platform's executor runs what it queued last first; junit-platform.properties hands it the scenarios
    // reversed (cucumber.execution.order=reverse), so that a run reads top to bottom, as Playwright Test's does
    // one worker and the file's order, whatever the user's run passed (-Dworkers, -Dcucumber.execution.order reach
    // this JVM too and win over the file)
    List<String> ran = run(Map.of("cucumber.features", "features/direct.feature"), null, results,
        Map.of("cucumber.execution.parallel.config.fixed.parallelism", "1",
            "cucumber.execution.parallel.config.fixed.max-pool-size", "1",
            "cucumber.execution.order", runnerSetting("cucumber.execution.order")));
    assertThat(ran).hasSizeGreaterThan(5).isSortedAccordingTo(
        java.util.Comparator.comparingInt((String unit) -> Integer.parseInt(unit.replaceFirst(".*:", ""))));
  }

  @Test
  void scenariosATagOrNameDoesNotSelectAreNotEvenDiscovered() {
    // Cucumber alone keeps every scenario of the files and skips the unselected ones as it runs: a run of @direct
    // would list 40 skipped scenarios and end on a warning
    assertThat(discovered(new CucumberSelection("@direct", null))).hasSize(8)
        .allSatisfy(unit -> assertThat(unit).startsWith("features/direct.feature:"));
    assertThat(discovered(new CucumberSelection(null, "A (Business|Creator) account links directly")))
        .containsExactly("features/direct.feature:11", "features/direct.feature:18");
    assertThat(discovered(new CucumberSelection(null, null))).hasSizeGreaterThan(40);
  }

  @Test
  void theJUnitTestsRunInTheFirstShardOnlyParameterizedOnesToo(@TempDir Path results) {
    // a @ParameterizedTest is a container until it runs (its cases come at execution): shard 2 must leave it out too
    String[] classes = {"com.linkwright.stubs.PersonaDeclarationsTest", PhasesTest.class.getName()};
    assertThat(junitMethods(classes, new Shard(1, 2), results.resolve("1")))
        .contains("anInstagramPersonaNeedsEachRequiredField", "aFacebookPersonaNeedsEachRequiredField");
    assertThat(junitMethods(classes, new Shard(2, 2), results.resolve("2"))).isEmpty();
  }

  /** The test methods (plain and parameterized) that a shard's discovery keeps of these classes. */
  private static List<String> junitMethods(String[] classes, Shard shard, Path results) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .filters(new ShardFilter(new ShardFilter.State(shard, Durations.read(results.resolve("no-durations.json")), results,
            new CucumberSelection(null, null)).sayingOn(said(results))));
    for (String c : classes) {
      request.selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(c));
    }
    TestPlan plan = LauncherFactory.create().discover(request.build());
    return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
        .filter(id -> id.getSource().filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance).isPresent())
        .map(id -> ((org.junit.platform.engine.support.descriptor.MethodSource) id.getSource().get()).getMethodName()).toList();
  }

  /** A setting of src/test/resources/junit-platform.properties, as the file says it. */
  private static String runnerSetting(String key) {
    java.util.Properties file = new java.util.Properties();
    try (java.io.InputStream in = ShardFilterTest.class.getResourceAsStream("/junit-platform.properties")) {
      file.load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return java.util.Objects.requireNonNull(file.getProperty(key), key + " in junit-platform.properties");
  }

  private static List<String> discovered(CucumberSelection selection) {
    TestPlan plan = LauncherFactory.create().discover(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectDirectory("features")).filters(includeEngines("cucumber"))
        .configurationParameter("cucumber.features", "features")
        .filters(new ShardFilter(ShardFilter.State.unsharded(selection))).build());
    List<String> units = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(id -> id.getSource()
          .filter(FileSource.class::isInstance).map(FileSource.class::cast).ifPresent(f -> units.add(
              Path.of("").toAbsolutePath().relativize(f.getFile().toPath().toAbsolutePath()) + ":"
                  + f.getPosition().orElseThrow().getLine())));
    }
    units.sort(java.util.Comparator.comparing((String u) -> u.replaceFirst(":\\d+$", ""))
        .thenComparingInt(u -> Integer.parseInt(u.replaceFirst(".*:", ""))));
    return units;
  }

  /** What a shard says of its plan, kept beside its results (the test reads the plan from the results). */
  private static java.io.PrintStream said(Path results) {
    try {
      java.nio.file.Files.createDirectories(results);
      return new java.io.PrintStream(java.nio.file.Files.newOutputStream(results.resolve("said.txt")), true,
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs the selection whole, then as each of n shards; asserts the shards ran it all, each scenario once. */
  private static Set<String> assertShardsRunTheWholeSelection(int n, Map<String, String> selection, Path results) throws IOException {
    List<String> whole = run(selection, null, results.resolve("whole"));
    assertThat(whole).isNotEmpty().doesNotHaveDuplicates();
    List<String> shards = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      List<String> share = run(selection, new Shard(i, n), results.resolve("shard-" + i));
      assertThat(share).as("shard %d/%d", i, n).isNotEmpty();
      shards.addAll(share);
    }
    assertThat(shards).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(whole);
    return new HashSet<>(whole);
  }

  /** A dry run of features/ with this selection (as -D would give it), as one shard or whole; the scenarios it ran. */
  private static List<String> run(Map<String, String> selection, Shard shard, Path results) {
    return run(selection, shard, results, Map.of());
  }

  /** As above, with more of the runner's settings (junit-platform.properties' keys) set for this run only. */
  private static List<String> run(Map<String, String> selection, Shard shard, Path results, Map<String, String> settings) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectDirectory("features"))
        .filters(includeEngines("cucumber"))
        // a plugin that writes to this run's folder (the failed scenarios, if any): nothing onto the console of ./mvnw verify
        .configurationParameter(PLUGIN_PROPERTY_NAME, "rerun:" + results.resolve("rerun.txt"))
        .configurationParameter("cucumber.execution.dry-run", "true")
        // the selection of this test, whatever the selection of the user's run (-D reaches this JVM too)
        .configurationParameter("cucumber.filter.tags", selection.getOrDefault("cucumber.filter.tags", "not @linkwright-never-set"))
        .configurationParameter("cucumber.filter.name", selection.getOrDefault("cucumber.filter.name", ".*"))
        .configurationParameter("cucumber.features", selection.getOrDefault("cucumber.features", "features"))
        .configurationParameter("junit.platform.execution.listeners.deactivate", "io.qameta.allure.*")
        .configurationParameters(settings);
    if (shard != null) {
      request.filters(new ShardFilter(new ShardFilter.State(shard, Durations.read(results.resolve("no-durations.json")), results,
          new CucumberSelection(selection.get("cucumber.filter.tags"), selection.get("cucumber.filter.name")))
          .sayingOn(said(results))));
    }
    List<String> ran = new ArrayList<>();
    Map<String, Boolean> seen = new ConcurrentHashMap<>();
    LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
          id.getSource().filter(FileSource.class::isInstance).map(FileSource.class::cast).ifPresent(f -> {
            String unit = Path.of("").toAbsolutePath().relativize(f.getFile().toPath().toAbsolutePath()) + ":"
                + f.getPosition().orElseThrow().getLine();
            if (seen.putIfAbsent(unit, true) == null) {
              synchronized (ran) {
                ran.add(unit);
              }
            } else {
              ran.add(unit + " (twice)");
            }
          });
        }
      }
    });
    return ran;
  }
}
