package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.linkwright.app.Fault;
import com.linkwright.app.LinkingApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The proof that the gate works (./mvnw -B -Pregressions verify), the way mutation testers do it: the whole suite once
 * clean, while the app notes which scenarios reach each deliberate regression's site (request tagging); then each fault
 * against only those scenarios, in an app instance of its own, several faults side by side ({@code regressions.lanes},
 * each lane a harness of its own: this JVM's, and child JVMs). Every fault must turn at least one scenario red; a fault
 * whose site no scenario reaches is missed.
 *
 * <p>Over 250 lines because it is one test and its plan: choosing each fault's scenarios, spreading the faults over
 * the lanes and the table of what each caught read as one procedure; a lane's own work is {@link RegressionLane}.
 */
class RegressionsIT {
  private static final Path LOGS = Path.of("target", "regressions");

  /** A fault and the scenarios to run it against, with what they took in the clean run. */
  private record Planned(Fault fault, List<String> tags, double cleanSeconds) {}

  @Test
  void everyDeliberateRegressionIsCaughtByAScenarioThatReachesIt() throws Exception {
    assertThat(System.getProperty("cucumber.features"))
        .as("-Dcucumber.features: the regression proof chooses each fault's scenarios itself; narrow it with "
            + "-Dcucumber.filter.tags instead")
        .isNull();
    long began = System.nanoTime();
    int lanes = lanes();
    boolean exhaustive = RegressionLane.exhaustive();
    List<ChildLane> children = new ArrayList<>();
    Harness.recordReachOnNextStart();
    Harness.hold();
    try {
      // the other lanes start their harnesses while the clean run runs
      Files.createDirectories(LOGS);
      for (int i = 2; i <= lanes; i++) {
        children.add(new ChildLane(i));
      }
      List<RegressionLane.ScenarioResult> clean = RegressionLane.scenarios(List.of(selectDirectory("features")));
      assertThat(clean.stream().filter(r -> !r.passed()).map(RegressionLane.ScenarioResult::shown))
          .as("scenarios failing WITHOUT any fault (fix these first, the proof means nothing while the suite is red)")
          .isEmpty();
      assertThat(clean).as("scenarios in the clean run").isNotEmpty();
      Map<Fault, Set<String>> reached = Harness.current().reachedFaultSites();
      double cleanSeconds = (System.nanoTime() - began) / 1e9;

      List<Planned> plan = plan(clean, reached);
      Map<Fault, RegressionLane.FaultRun> runs = runSideBySide(plan, children, exhaustive);
      double faultSeconds = (System.nanoTime() - began) / 1e9 - cleanSeconds;

      System.out.println(table(plan, runs, clean.size(), lanes, exhaustive, cleanSeconds, faultSeconds));
      List<Fault> missed = plan.stream().map(Planned::fault)
          .filter(f -> runs.get(f) == null || runs.get(f).caughtBy().isEmpty()).toList();
      assertThat(missed).as("faults no scenario caught").isEmpty();
    } finally {
      children.forEach(ChildLane::finish);
      Harness.letGo();
    }
  }

  /**
   * Each fault's scenarios: those whose requests reached its site in the clean run, in the clean run's order (a fault
   * such as "the previous link's account" depends on what ran before in the same app). A site asked with no tag (an
   * untagged request, or outside any request, e.g. while the app starts) may touch any scenario: all of them. Longest
   * first, so that the lanes finish together.
   */
  private static List<Planned> plan(List<RegressionLane.ScenarioResult> clean, Map<Fault, Set<String>> reached) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    clean.forEach(r -> seconds.put(r.tag(), r.seconds()));
    List<Planned> plan = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      Set<String> tags = reached.getOrDefault(fault, Set.of());
      List<String> chosen = clean.stream().map(RegressionLane.ScenarioResult::tag)
          .filter(t -> tags.contains(t) || tags.contains(LinkingApp.UNTAGGED)).toList();
      plan.add(new Planned(fault, chosen, chosen.stream().mapToDouble(seconds::get).sum()));
    }
    plan.sort(Comparator.comparingDouble(Planned::cleanSeconds).reversed());
    return plan;
  }

  /** How many faults run at a time: -Dregressions.lanes, else one per core (2 on the project's 2-core machine). */
  private static int lanes() {
    String set = System.getProperty("regressions.lanes", "").trim();
    if (!set.isEmpty()) {
      if (!set.matches("[1-9]|1[0-6]")) {
        throw new IllegalArgumentException("Bad value '" + set + "' for regressions.lanes: allowed a whole number from 1 to 16.");
      }
      return Integer.parseInt(set);
    }
    return Math.min(16, Runtime.getRuntime().availableProcessors());
  }

  /** Runs the plan on this JVM's harness (lane 1) and the child lanes, each taking the next fault as it comes free. */
  private static Map<Fault, RegressionLane.FaultRun> runSideBySide(List<Planned> plan, List<ChildLane> children,
                                                                 boolean exhaustive) throws InterruptedException {
    ConcurrentLinkedQueue<Planned> queue = new ConcurrentLinkedQueue<>(plan.stream().filter(p -> !p.tags().isEmpty()).toList());
    Map<Fault, RegressionLane.FaultRun> runs = new ConcurrentHashMap<>();
    List<String> errors = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (ChildLane child : children) {
      Thread t = new Thread(() -> {
        try {
          for (Planned next = queue.poll(); next != null; next = queue.poll()) {
            child.run(next, runs, errors);
          }
        } finally {
          String notEnded = child.finish();
          if (notEnded != null) {
            errors.add(notEnded);
          }
        }
      }, "regressions-lane-" + child.number);
      t.start();
      threads.add(t);
    }
    for (Planned next = queue.poll(); next != null; next = queue.poll()) {
      try {
        record(runs, RegressionLane.run(next.fault(), next.tags(), exhaustive), 1);
      } catch (RuntimeException e) {
        errors.add(next.fault() + " (lane 1): " + e.getMessage());
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(errors).as("faults the proof could not run (lane logs: " + LOGS + "/lane-N.log)").isEmpty();
    return runs;
  }

  private static void record(Map<Fault, RegressionLane.FaultRun> runs, RegressionLane.FaultRun run, int lane) {
    runs.put(run.fault(), run);
    System.out.printf(Locale.ROOT, "[regressions] %s: %d of the %d scenarios run failed (lane %d, %.0f s)%n", run.fault(),
        run.caughtBy().size(), run.ran(), lane, run.seconds());
  }

  /**
   * Each fault, in Fault's order: which scenarios caught it, of how many run, of how many reach its site (all of them
   * run when exhaustive; else up to the first batch that caught it).
   */
  private static String table(List<Planned> plan, Map<Fault, RegressionLane.FaultRun> runs, int cleanScenarios, int lanes,
                              boolean exhaustive, double cleanSeconds, double faultSeconds) {
    StringBuilder table = new StringBuilder("\nRegression proof: each fault in the reference app, the scenarios that "
        + "caught it (caught / run / reaching its site; " + (exhaustive ? "every reaching scenario run"
        : "each fault stops at the first batch that catches it; -Dregressions.exhaustive=true runs them all") + ")\n");
    int width = plan.stream().mapToInt(p -> p.fault().name().length()).max().orElse(10);
    int caught = 0;
    int scenarioRuns = 0;
    Map<Fault, Planned> byFault = new EnumMap<>(Fault.class);
    plan.forEach(p -> byFault.put(p.fault(), p));
    for (Planned p : byFault.values()) {
      RegressionLane.FaultRun run = runs.get(p.fault());
      List<String> caughtBy = run == null ? List.of() : run.caughtBy();
      String count = String.format(Locale.ROOT, "%2d / %2d / %-2d", caughtBy.size(), run == null ? 0 : run.ran(), p.tags().size());
      String shown;
      if (p.tags().isEmpty()) {
        shown = "NOT CAUGHT: no scenario reaches its site";
      } else if (caughtBy.isEmpty()) {
        shown = "NOT CAUGHT";
      } else {
        caught++;
        shown = String.join("\n" + " ".repeat(width + count.length() + 8), caughtBy);
      }
      scenarioRuns += run == null ? 0 : run.ran();
      table.append(String.format(Locale.ROOT, "  %-" + width + "s  %s -> %s%n", p.fault(), count, shown));
    }
    table.append(String.format(Locale.ROOT, "regressions caught: %d/%d%n", caught, plan.size()));
    table.append(String.format(Locale.ROOT, "(a clean run of %d scenarios in %.0f s, then %d scenario runs for %d faults on %d lane%s in %.0f s)%n",
        cleanScenarios, cleanSeconds, scenarioRuns, plan.size(), lanes, lanes == 1 ? "" : "s", faultSeconds));
    return table.toString();
  }

  /**
   * A lane in a child JVM (RegressionLane.main) with the same classpath, JVM options and -D settings as this one; its
   * log goes to target/regressions/lane-N.log.
   */
  private static final class ChildLane {
    private final int number;
    private final Process process;
    private final PrintWriter toLane;
    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private static final String ENDED = "\u0000ended";

    ChildLane(int number) throws IOException {
      this.number = number;
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      String jvm = System.getProperty("regressions.lane.jvm", "").trim();
      if (!jvm.isEmpty()) {
        command.addAll(List.of(jvm.split("\\s+")));
      }
      for (String key : HarnessConfig.keys()) {
        String value = System.getProperty(key);
        if (value != null) {
          command.add("-D" + key + "=" + value);
        }
      }
      command.add("-Dregressions.exhaustive=" + RegressionLane.exhaustive());
      command.add("-cp");
      command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
      command.add(RegressionLane.class.getName());
      Path log = LOGS.resolve("lane-" + number + ".log");
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      toLane = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Writer logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
      Thread output = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             logFile) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            int at = line.indexOf(RegressionLane.REPORT);
            if (at >= 0) {
              reports.add(line.substring(at + RegressionLane.REPORT.length()));
            } else {
              logFile.write(line);
              logFile.write('\n');
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          reports.add(ENDED);
        }
      }, "regressions-lane-" + number + "-output");
      output.setDaemon(true);
      output.start();
    }

    void run(Planned p, Map<Fault, RegressionLane.FaultRun> runs, List<String> errors) {
      toLane.println(p.fault().name() + "\t" + String.join("\t", p.tags()));
      String answer;
      try {
        answer = reports.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        errors.add(p.fault() + " (lane " + number + "): interrupted");
        return;
      }
      if (answer.equals(ENDED)) {
        reports.add(ENDED);
        errors.add(p.fault() + " (lane " + number + "): the lane's JVM ended (see " + LOGS.resolve("lane-" + number + ".log") + ")");
        return;
      }
      String[] f = answer.split("\t");
      if (!f[0].equals("done")) {
        errors.add(f[1] + " (lane " + number + "): " + (f.length > 2 ? f[2] : "no reason given"));
        return;
      }
      record(runs, new RegressionLane.FaultRun(Fault.valueOf(f[1]), Integer.parseInt(f[2]),
          List.of(f).subList(4, f.length), Double.parseDouble(f[3])), number);
    }

    /** Ends the lane (it stops its harness when its input ends); again, it does nothing. Null, or why it was stopped. */
    String finish() {
      toLane.close();
      try {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          return "lane " + number + " did not end within 2 minutes of its last fault: stopped";
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      return null;
    }
  }
}
