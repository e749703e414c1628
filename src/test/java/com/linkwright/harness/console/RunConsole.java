package com.linkwright.harness.console;

import com.linkwright.harness.HarnessConfig;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What a person watching a run reads, in the manner of Playwright's list reporter: a line for each scenario as it
 * finishes (status, done/total, feature file:line, name, duration), a line for each JUnit test class, then every
 * failure again with the step that failed, the first line of its error and the files it left (trace, page HTML, the
 * app's and stubs' log). A JUnit Platform listener (registered in META-INF/services), so it sees the test plan and
 * knows the total before the first scenario starts; Cucumber's side of each scenario comes from {@link ScenarioFacts}.
 *
 * <p>It speaks only for a plan that holds scenarios (./mvnw test keeps surefire's own lines) and only for the
 * outermost plan of the JVM: runs launched from inside a test (the regression proof, deliberate runs) stay quiet. In
 * batch mode (-B, CI) the lines carry no colour; no mode rewrites a line.
 *
 * <p>Over 250 lines because JUnit's listener interface is one class: the plan's events and the lines they print stay
 * together; what Cucumber knows of a scenario is {@link ScenarioFacts}/{@link ScenarioRecords}, the summary RunSummary.
 */
public final class RunConsole implements TestExecutionListener {
  private static final AtomicInteger PLANS_RUNNING = new AtomicInteger();
  private static final AtomicInteger PLANS_SEEN = new AtomicInteger();

  private boolean outermost;
  private boolean talking;
  private boolean rerun;
  private Style style = Style.PLAIN;
  private TestPlan plan;
  private int scenarios;
  private long began;
  private final AtomicInteger done = new AtomicInteger();
  private final Map<UniqueId, Long> startedAt = new ConcurrentHashMap<>();
  private final Map<UniqueId, int[]> classCounts = new ConcurrentHashMap<>();
  private final List<String> failures = new ArrayList<>();
  private final int[] scenarioCounts = new int[3];
  private final int[] junitCounts = new int[3];
  private static final int PASSED = 0;
  private static final int FAILED = 1;
  private static final int SKIPPED = 2;

  /** Where the lines go; in a test, a buffer. */
  private final PrintStream out;
  /** For a test: speak for this plan, whatever else runs in the JVM, in the style given. */
  private final Style forced;

  public RunConsole() {
    this(null, null);
    // created with the launcher, before it discovers tests and warns about what it found
    RunLog.takeOverJavaUtilLogging();
  }

  RunConsole(PrintStream out, Boolean colour) {
    this.out = out;
    this.forced = colour == null ? null : colour ? Style.COLOUR : Style.PLAIN;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    outermost = PLANS_RUNNING.getAndIncrement() == 0 || forced != null;
    if (!outermost) {
      return;
    }
    rerun = forced == null && PLANS_SEEN.getAndIncrement() > 0;
    plan = testPlan;
    began = System.nanoTime();
    int workers = 1;
    try {
      HarnessConfig config = HarnessConfig.load();
      workers = config.workers;
      RunLog.echoToConsole(config.consoleLogs);
    } catch (RuntimeException badSettings) {
      // the harness stops the run on bad settings, naming the key and its values; the console goes on with defaults
    }
    scenarios = (int) leaves(testPlan).stream().filter(RunConsole::isScenario).count();
    talking = scenarios > 0;
    if (!talking) {
      return;
    }
    style = forced != null ? forced
        : HarnessConfig.colourConsole(System.getProperties(), System.getenv()) ? Style.COLOUR : Style.PLAIN;
    String log = RunLog.file().map(f -> "; the app's and stubs' log: " + relative(f)).orElse("");
    say("[linkwright] " + (rerun ? "rerunning " + plural(scenarios, "failed scenario") : plural(scenarios, "scenario"))
        + " on " + plural(workers, "worker") + log);
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (talking && id.isTest()) {
      startedAt.put(id.getUniqueIdObject(), System.nanoTime());
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (!talking) {
      return;
    }
    List<TestIdentifier> tests = id.isTest() ? List.of(id) : leavesUnder(id);
    for (TestIdentifier t : tests) {
      finished(t, SKIPPED, null);
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (!talking) {
      return;
    }
    if (id.isTest()) {
      int outcome = switch (result.getStatus()) {
        case SUCCESSFUL -> PASSED;
        case ABORTED -> SKIPPED;
        case FAILED -> FAILED;
      };
      finished(id, outcome, result.getThrowable().orElse(null));
    } else if (id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
      int[] counts = classCounts.remove(id.getUniqueIdObject());
      if (counts != null) {
        String cls = ((ClassSource) id.getSource().get()).getClassName();
        say("  " + symbol(counts[FAILED] > 0 ? FAILED : PASSED) + "  JUnit " + cls + ": " + counts(counts));
      }
    }
  }

  private void finished(TestIdentifier id, int outcome, Throwable error) {
    Long t0 = startedAt.remove(id.getUniqueIdObject());
    double seconds = t0 == null ? 0 : (System.nanoTime() - t0) / 1e9;
    if (isScenario(id)) {
      Optional<ScenarioRecords.Scenario> facts = facts(id);
      String title = where(id) + " › " + facts.map(f -> f.name).orElse(id.getDisplayName());
      synchronized (this) {
        scenarioCounts[outcome]++;
        int n = done.incrementAndGet();
        String counter = String.format("%" + String.valueOf(scenarios).length() + "d/%d", n, scenarios);
        say("  " + symbol(outcome) + "  " + style.dim(counter) + "  " + title + " " + style.dim(seconds(seconds)));
        if (outcome == FAILED) {
          failures.add(scenarioFailure(title, facts, error));
        }
      }
    } else {
      synchronized (this) {
        junitCounts[outcome]++;
        parentClass(id).ifPresent(c -> classCounts.computeIfAbsent(c, k -> new int[3])[outcome]++);
        if (outcome == FAILED) {
          failures.add(style.bad("JUnit " + junitName(id)) + "\n       error:   " + firstLine(error));
        }
      }
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    PLANS_RUNNING.decrementAndGet();
    if (!outermost || !talking) {
      return;
    }
    synchronized (this) {
      if (!failures.isEmpty()) {
        say("");
        say("[linkwright] " + style.bad(plural(failures.size(), "failure")) + ":");
        for (int i = 0; i < failures.size(); i++) {
          say("  " + (i + 1) + ") " + failures.get(i));
        }
        say("");
      }
      String junit = junitCounts[PASSED] + junitCounts[FAILED] + junitCounts[SKIPPED] == 0 ? ""
          : "; JUnit tests run with them: " + counts(junitCounts);
      say("[linkwright] " + (rerun ? "rerun: " : "") + "scenarios: " + counts(scenarioCounts) + " of "
          + scenarios + " in " + duration((System.nanoTime() - began) / 1e9) + junit);
    }
  }

  private String scenarioFailure(String title, Optional<ScenarioRecords.Scenario> facts, Throwable error) {
    StringBuilder s = new StringBuilder(style.bad(title));
    facts.flatMap(ScenarioRecords.Scenario::failedStep).ifPresent(step -> s.append("\n       step:    ").append(step));
    s.append("\n       error:   ").append(firstLine(error));
    Map<String, Path> evidence = facts.map(ScenarioRecords.Scenario::evidence).orElse(Map.of());
    Optional.ofNullable(evidence.get("trace")).ifPresent(trace -> s.append("\n       trace:   ").append(relative(trace))
        .append(" (open: ./mvnw -q exec:exec@trace -Dtrace=").append(relative(trace)).append(")"));
    Optional.ofNullable(evidence.get("page")).ifPresent(page -> s.append("\n       page:    ").append(relative(page)));
    RunLog.file().ifPresent(log -> s.append("\n       log:     ").append(relative(log))
        .append(" (this scenario's part is in its report)"));
    facts.map(ScenarioRecords.Scenario::snippets).filter(l -> !l.isEmpty()).ifPresent(snippets -> {
      s.append("\n       write the undefined step, e.g.:");
      snippets.forEach(snippet -> s.append("\n         ").append(snippet.replace("\n", "\n         ")));
    });
    return s.toString();
  }

  static String firstLine(Throwable error) {
    return error == null ? "(no error was reported)" : error.getClass().getSimpleName() + ": " + ErrorLine.of(error.getMessage());
  }

  private Optional<ScenarioRecords.Scenario> facts(TestIdentifier id) {
    return id.getSource().filter(FileSource.class::isInstance).map(FileSource.class::cast)
        .flatMap(f -> ScenarioRecords.of(f.getFile().toURI(), f.getPosition().map(p -> p.getLine()).orElse(0)));
  }

  private static String where(TestIdentifier id) {
    return id.getSource().filter(FileSource.class::isInstance).map(FileSource.class::cast)
        .map(f -> relative(f.getFile().toPath()) + f.getPosition().map(p -> ":" + p.getLine()).orElse(""))
        .orElse(id.getDisplayName());
  }

  private String junitName(TestIdentifier id) {
    String cls = parentClass(id).map(plan::getTestIdentifier).flatMap(TestIdentifier::getSource)
        .filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName() + " › ").orElse("");
    return cls + id.getDisplayName();
  }

  private Optional<UniqueId> parentClass(TestIdentifier id) {
    Optional<TestIdentifier> p = plan.getParent(id);
    while (p.isPresent()) {
      if (p.get().getSource().filter(ClassSource.class::isInstance).isPresent()) {
        return Optional.of(p.get().getUniqueIdObject());
      }
      p = plan.getParent(p.get());
    }
    return Optional.empty();
  }

  private List<TestIdentifier> leavesUnder(TestIdentifier id) {
    List<TestIdentifier> out = new ArrayList<>();
    for (TestIdentifier child : plan.getChildren(id)) {
      if (child.isTest()) {
        out.add(child);
      } else {
        out.addAll(leavesUnder(child));
      }
    }
    return out;
  }

  private static List<TestIdentifier> leaves(TestPlan plan) {
    List<TestIdentifier> out = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      collect(plan, root, out);
    }
    return out;
  }

  private static void collect(TestPlan plan, TestIdentifier id, List<TestIdentifier> out) {
    if (id.isTest()) {
      out.add(id);
    }
    for (TestIdentifier child : plan.getChildren(id)) {
      collect(plan, child, out);
    }
  }

  /** A test of the Cucumber engine, wherever it sits (alone, or inside the suite). */
  static boolean isScenario(TestIdentifier id) {
    return id.getUniqueIdObject().getSegments().stream()
        .anyMatch(s -> "engine".equals(s.getType()) && "cucumber".equals(s.getValue()));
  }

  private String symbol(int outcome) {
    boolean unicode = Charset.defaultCharset().equals(StandardCharsets.UTF_8);
    return switch (outcome) {
      case PASSED -> style.good(unicode ? "✓" : "ok");
      case FAILED -> style.bad(unicode ? "✘" : "x");
      default -> style.dim("-");
    };
  }

  private static String counts(int[] counts) {
    StringBuilder s = new StringBuilder(counts[PASSED] + " passed, " + counts[FAILED] + " failed");
    if (counts[SKIPPED] > 0) {
      s.append(", ").append(counts[SKIPPED]).append(" skipped");
    }
    return s.toString();
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static String seconds(double s) {
    return "(" + duration(s) + ")";
  }

  private static String duration(double s) {
    return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d min %02d s", (int) s / 60, (int) s % 60);
  }

  static String relative(Path p) {
    Path here = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
  }

  private void say(String line) {
    PrintStream to = out != null ? out : System.out;
    to.println(line);
    to.flush();
  }

  /** Colour codes in a terminal; nothing but text in batch mode. */
  private enum Style {
    PLAIN, COLOUR;

    String good(String s) {
      return this == COLOUR ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    String bad(String s) {
      return this == COLOUR ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    String dim(String s) {
      return this == COLOUR ? "\u001b[2m" + s + "\u001b[0m" : s;
    }
  }
}
