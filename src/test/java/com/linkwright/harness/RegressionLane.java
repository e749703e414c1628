package com.linkwright.harness;

import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.linkwright.app.Fault;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One lane of the regression proof (RegressionsIT): faults one after the other, each against the scenarios that
 * reached its site in the clean run, on one harness: the stubs, Playwright and Chromium start once, and for each fault
 * the app starts again (same port) with that fault alone. The proof runs one lane in its own JVM and the others in
 * child JVMs ({@link #main}), handing each lane its next fault when it comes free.
 */
final class RegressionLane {
  /** What a child lane writes on its standard output for the proof; every other line there is the lane's log. */
  static final String REPORT = "[regression-lane]\t";

  private RegressionLane() {}

  /** One scenario's outcome: its tag, how the proof's table shows it ("direct.feature:40 Feature - Scenario"). */
  record ScenarioResult(String tag, String shown, boolean passed, double seconds) {}

  /** How many scenarios {@code fault} was run against, and the ones that did not pass. */
  record FaultRun(Fault fault, int ran, List<String> caughtBy, double seconds) {}

  /**
   * Runs the scenarios these tags name against an app with {@code fault} alone, on the harness this JVM holds, in
   * their order, and stops at the first batch in which one fails, as PIT stops a mutant at the first test that kills
   * it: the batches grow 1, 2, 4, … scenarios, so a fault caught early costs one scenario and one caught late a few
   * launches more than one run of them all. With {@code exhaustive} (-Dregressions.exhaustive=true) it runs them all,
   * to see every scenario that catches each fault.
   */
  static FaultRun run(Fault fault, List<String> tags, boolean exhaustive) {
    long began = System.nanoTime();
    Harness.current().restartAppWithFaults(Set.of(fault));
    int ran = 0;
    List<String> caughtBy = new ArrayList<>();
    for (List<String> chosen : batches(tags, exhaustive)) {
      if (!caughtBy.isEmpty()) {
        break;
      }
      List<ScenarioResult> results = scenarios(selectors(chosen));
      if (results.size() != chosen.size()) {
        // Cucumber runs a whole feature for a line with no scenario on it: a proof that ran other scenarios is no proof
        throw new IllegalStateException(fault + ": " + chosen.size() + " scenarios selected (" + String.join(", ", chosen)
            + ") but " + results.size() + " ran");
      }
      ran += results.size();
      results.stream().filter(r -> !r.passed()).map(ScenarioResult::shown).forEach(caughtBy::add);
    }
    return new FaultRun(fault, ran, caughtBy, (System.nanoTime() - began) / 1e9);
  }

  /** The scenarios in the order given, in batches of 1, 2, 4, …; all in one batch when {@code exhaustive}. */
  static List<List<String>> batches(List<String> tags, boolean exhaustive) {
    if (exhaustive) {
      return tags.isEmpty() ? List.of() : List.of(tags);
    }
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0, size = 1; from < tags.size(); from += size, size *= 2) {
      batches.add(tags.subList(from, Math.min(tags.size(), from + size)));
    }
    return batches;
  }

  /** Whether each fault runs against all the scenarios that reach its site (-Dregressions.exhaustive=true). */
  static boolean exhaustive() {
    String set = System.getProperty("regressions.exhaustive", "false").trim();
    if (!set.equals("true") && !set.equals("false")) {
      throw new IllegalArgumentException("Bad value '" + set + "' for regressions.exhaustive: allowed true or false.");
    }
    return Boolean.parseBoolean(set);
  }

  private static List<DiscoverySelector> selectors(List<String> tags) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (String tag : tags) {
      DiscoverySelector s = ScenarioTag.selector(tag);
      if (s == null) {
        throw new IllegalArgumentException("'" + tag + "' names no scenario");
      }
      selectors.add(s);
    }
    return selectors;
  }

  /**
   * Runs the selected scenarios in this JVM, on the harness it holds (glue, workers and the rest from
   * junit-platform.properties), and says how each went, in the order they finished.
   */
  static List<ScenarioResult> scenarios(List<DiscoverySelector> selectors) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectors)
        .filters(includeEngines("cucumber"))
        // these runs report only to the proof's table: not to the Allure results of a normal run
        .configurationParameter(PLUGIN_PROPERTY_NAME, "summary")
        .configurationParameter("junit.platform.execution.listeners.deactivate", "io.qameta.allure.*")
        .build();
    List<ScenarioResult> results = new CopyOnWriteArrayList<>();
    Map<String, Long> started = new ConcurrentHashMap<>();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
      }

      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
          return;
        }
        FileSource file = id.getSource().filter(FileSource.class::isInstance).map(FileSource.class::cast).orElse(null);
        int line = file == null ? 0 : file.getPosition().map(p -> p.getLine()).orElse(0);
        String tag = file == null ? id.getUniqueId() : ScenarioTag.of(file.getUri(), line);
        String where = file == null ? "" : file.getFile().getName() + ":" + line + " ";
        long t0 = started.getOrDefault(id.getUniqueId(), System.nanoTime());
        results.add(new ScenarioResult(tag, where + id.getDisplayName(),
            result.getStatus() == TestExecutionResult.Status.SUCCESSFUL, (System.nanoTime() - t0) / 1e9));
      }
    });
    return results;
  }

  /**
   * A child lane: holds a harness of its own, then reads faults from standard input, one a line ("FAULT", a tab, the
   * tags of its scenarios separated by tabs), and answers each on standard output with a {@link #REPORT} line:
   * "done", the fault, the scenarios run, the seconds, then the scenarios that caught it; or "error", the fault and why.
   * Ends when its input does. Settings come as -D properties, as for any run.
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Harness.hold();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split("\t");
        Fault fault = Fault.valueOf(fields[0]);
        String answer;
        try {
          FaultRun run = run(fault, List.of(fields).subList(1, fields.length), exhaustive());
          List<String> reply = new ArrayList<>(List.of("done", fault.name(), String.valueOf(run.ran()),
              String.format(java.util.Locale.ROOT, "%.1f", run.seconds())));
          run.caughtBy().forEach(c -> reply.add(c.replace('\t', ' ')));
          answer = String.join("\t", reply);
        } catch (RuntimeException e) {
          answer = "error\t" + fault.name() + "\t" + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        }
        synchronized (out) {
          out.println(REPORT + answer);
          out.flush();
        }
      }
    } finally {
      Harness.letGo();
    }
    // Playwright's and Jetty's threads must not keep a finished lane alive
    System.exit(0);
  }
}
