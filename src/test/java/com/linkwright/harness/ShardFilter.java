package com.linkwright.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Keeps this machine's share of a sharded run ({@code shard=i/n}): the JUnit Platform asks it about every test the
 * launcher discovered (a selection by feature and line is applied by then). A scenario that the run's tags or name
 * do not select is left out here, sharded or not: the Cucumber engine would keep it and report it skipped. Registered
 * in META-INF/services, so it works wherever the Platform runs the tests (failsafe, surefire, an IDE). It splits the
 * scenarios Cucumber will run ({@link CucumberSelection}); {@link ShardPlan} decides which shard runs each, the same
 * way on every machine.
 *
 * <p>Every JUnit test (the unit tests, the *IT classes, and PopupBlockerIT inside the feature suite) runs in shard 1
 * only: they are the project's own checks, needed once a run rather than once a machine, and surefire and failsafe
 * hand the Platform one class at a time, so no filter could see them all to split them evenly. When durations are
 * known, shard 1 gets that much less scenario time.
 *
 * <p>What it decided is remembered for the rest of the JVM, so that failsafe's reruns of failed tests (retries), which
 * discover only those, keep them in the shard they belong to. Launchers that a test starts itself while tests run
 * (the regression proof, the bad-input tests) choose their own tests and are left alone. Each plan is also written
 * into the Allure results ({@link ShardRecords}), where the report and the merge of the shards find it.
 */
public final class ShardFilter implements PostDiscoveryFilter {
  /** The settings and decisions of this JVM's run: read once, kept for its reruns. */
  private static final State RUN = new State(null, null, null, null);

  private final State state;

  /** What the JUnit Platform's service loader calls: the run's settings (playwright.config and -D). */
  public ShardFilter() {
    this(RUN);
  }

  ShardFilter(State state) {
    this.state = state;
  }

  /** A shard, the durations that balance it and where its plan is written; or, for the run, read when first needed. */
  static final class State {
    private Shard shard;
    private Durations.Known durations;
    private Path results;
    private CucumberSelection selection;
    private boolean loaded;
    private final Map<String, Integer> shardOf = new ConcurrentHashMap<>();
    /** Where the plan is said: the console for a run; a test's own stream for the dry runs of a test. */
    private java.io.PrintStream out = System.out;

    /** The same state, saying its plans on {@code out} instead of the console. */
    State sayingOn(java.io.PrintStream out) {
      this.out = out;
      return this;
    }

    /** A run that is not sharded, with this selection (for a test). */
    static State unsharded(CucumberSelection selection) {
      State state = new State(null, null, null, selection);
      state.loaded = true;
      return state;
    }

    State(Shard shard, Durations.Known durations, Path results, CucumberSelection selection) {
      this.shard = shard;
      this.durations = durations;
      this.results = results;
      this.selection = selection;
      this.loaded = shard != null;
    }

    /** The run's selection by tags and name, read when first needed (sharded or not). */
    synchronized CucumberSelection selection() {
      if (selection == null) {
        selection = CucumberSelection.ofTheRun();
      }
      return selection;
    }

    synchronized Shard shard() {
      if (!loaded) {
        HarnessConfig config = HarnessConfig.load();
        shard = config.shard;
        if (shard != null) {
          durations = Durations.read(config.shardDurations);
          results = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        }
        loaded = true;
      }
      return shard;
    }
  }

  @Override
  public FilterResult apply(TestDescriptor test) {
    // a container may be visited after a filter emptied it (a feature none of whose scenarios is selected); a
    // @ParameterizedTest method is a container without children too, until it runs, but it is decided as a test
    boolean testTemplate = test.getChildren().isEmpty() && test.getSource().filter(MethodSource.class::isInstance).isPresent();
    if (!testTemplate
        && (!test.getChildren().isEmpty() || test.getType() == TestDescriptor.Type.CONTAINER || test.getParent().isEmpty())) {
      return FilterResult.included("a container or an engine: its tests are decided one by one");
    }
    if (state == RUN && Nesting.RUNNING.get() > 0) {
      return FilterResult.included("a launcher a test started: it chooses its own tests");
    }
    String unit = unitOf(test);
    if (!ShardPlan.isScenario(unit) && state == RUN && ScenarioSelection.onlyScenarios()) {
      return FilterResult.excluded(ScenarioSelection.WHY);
    }
    if (ShardPlan.isScenario(unit) && !state.selection().selects(test)) {
      // Cucumber would keep it and skip it as it runs: 40 "skipped" lines and a warning for an 8-scenario selection
      return FilterResult.excluded("not selected by cucumber.filter.tags / cucumber.filter.name");
    }
    Shard shard = state.shard();
    if (shard == null) {
      return FilterResult.included("not sharded");
    }
    if (!ShardPlan.isScenario(unit)) {
      return shard.index() == 1 ? FilterResult.included("JUnit tests run in shard 1")
          : FilterResult.excluded("JUnit tests run in shard 1");
    }
    Integer runsIn = state.shardOf.get(unit);
    if (runsIn == null) {
      plan(root(test), shard);
      runsIn = state.shardOf.get(unit);
    }
    return runsIn == shard.index()
        ? FilterResult.included("shard " + shard)
        : FilterResult.excluded("runs in shard " + runsIn + "/" + shard.total());
  }

  /** Splits every selected scenario under this root that has no shard yet (all, the first time), and says so. */
  private void plan(TestDescriptor root, Shard shard) {
    synchronized (state) {
      TreeSet<String> units = new TreeSet<>();
      root.getDescendants().stream().filter(d -> d.getChildren().isEmpty() && d.getType() != TestDescriptor.Type.CONTAINER)
          .filter(d -> ShardPlan.isScenario(unitOf(d)) && state.selection().selects(d)).map(ShardFilter::unitOf)
          .filter(u -> !state.shardOf.containsKey(u)).forEach(units::add);
      if (units.isEmpty()) {
        return;
      }
      SortedMap<String, Integer> plan = ShardPlan.assign(units, shard.total(), state.durations.seconds());
      state.shardOf.putAll(plan);
      String engine = root.getUniqueId().getEngineId().orElse("tests");
      ShardRecords.Record record = new ShardRecords.Record(shard.index(), shard.total(), engine,
          state.durations.balancedBy(), state.durations.fingerprint(), plan);
      try {
        ShardRecords.write(state.results, record);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the shard's plan into " + state.results, e);
      }
      state.out.println("[linkwright] " + record.describe());
    }
  }

  private static TestDescriptor root(TestDescriptor test) {
    TestDescriptor d = test;
    while (d.getParent().isPresent()) {
      d = d.getParent().get();
    }
    return d;
  }

  /**
   * The unit a test belongs to, named the same on every machine: {@code features/direct.feature:18} for a scenario
   * (the path from the project's folder and the line of its Scenario, or of its Examples row), the top-level class
   * for a JUnit test. These are also the names Allure gives them, which the durations are read by.
   */
  static String unitOf(TestDescriptor test) {
    Optional<TestSource> source = test.getSource();
    if (source.isPresent()) {
      TestSource s = source.get();
      if (s instanceof FileSource file) {
        Path here = Path.of("").toAbsolutePath();
        String path = here.relativize(file.getFile().toPath().toAbsolutePath().normalize()).toString().replace('\\', '/');
        return path + file.getPosition().map(FilePosition::getLine).map(l -> ":" + l).orElse("");
      }
      if (s instanceof ClasspathResourceSource resource) {
        return "classpath:" + resource.getClasspathResourceName()
            + resource.getPosition().map(FilePosition::getLine).map(l -> ":" + l).orElse("");
      }
      if (s instanceof MethodSource method) {
        return topLevelClass(method.getClassName());
      }
      if (s instanceof ClassSource type) {
        return topLevelClass(type.getClassName());
      }
    }
    return test.getParent().map(ShardFilter::unitOf).orElse(test.getUniqueId().toString());
  }

  /** A nested test class runs with its outer class. */
  static String topLevelClass(String className) {
    int nested = className.indexOf('$');
    return nested < 0 ? className : className.substring(0, nested);
  }

  /** Counts the test plans running in this JVM: a discovery while one runs is a launcher that a test started. */
  public static final class Nesting implements TestExecutionListener {
    static final AtomicInteger RUNNING = new AtomicInteger();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      RUNNING.incrementAndGet();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
      RUNNING.decrementAndGet();
    }
  }
}
