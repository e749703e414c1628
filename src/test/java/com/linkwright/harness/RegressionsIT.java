package com.linkwright.harness;

import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.linkwright.app.Fault;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The proof that the gate works (./mvnw -B -Pregressions verify): the whole suite once clean, then once per
 * deliberate regression in the reference app. Every fault must turn at least one scenario red.
 */
class RegressionsIT {

  @Test
  void everyDeliberateRegressionIsCaughtBySomeScenario() {
    long started = System.nanoTime();
    Harness.restartWithFaults(Set.of());
    List<String> baseline = failedScenarios();
    assertThat(baseline).as("scenarios failing WITHOUT any fault (fix these first, the proof means nothing while the suite is red)").isEmpty();

    Map<Fault, List<String>> caughtBy = new LinkedHashMap<>();
    for (Fault fault : Fault.values()) {
      Harness.restartWithFaults(EnumSet.of(fault));
      caughtBy.put(fault, failedScenarios());
    }
    Harness.restartWithFaults(Set.of());

    StringBuilder table = new StringBuilder("\nRegression proof: each fault in the reference app, and the scenarios that caught it\n");
    int width = caughtBy.keySet().stream().mapToInt(f -> f.name().length()).max().orElse(10);
    List<Fault> missed = new ArrayList<>();
    for (var e : caughtBy.entrySet()) {
      table.append(String.format("  %-" + width + "s  -> %s%n", e.getKey(),
          e.getValue().isEmpty() ? "NOT CAUGHT" : String.join("\n" + " ".repeat(width + 8), e.getValue())));
      if (e.getValue().isEmpty()) {
        missed.add(e.getKey());
      }
    }
    int n = caughtBy.size();
    table.append(String.format("regressions caught: %d/%d%n", n - missed.size(), n));
    table.append(String.format("(%d suite runs in %.0f s)%n", n + 1, (System.nanoTime() - started) / 1e9));
    System.out.println(table);
    assertThat(missed).as("faults no scenario caught").isEmpty();
  }

  /** "direct.feature:40 " for a scenario, so that scenarios of the same name in two features stay apart. */
  private static String where(TestIdentifier id) {
    return id.getSource()
        .filter(FileSource.class::isInstance)
        .map(FileSource.class::cast)
        .map(f -> f.getFile().getName() + f.getPosition().map(p -> ":" + p.getLine()).orElse("") + " ")
        .orElse("");
  }

  /** Runs every feature in this JVM and returns the names of the scenarios that did not pass. */
  private static List<String> failedScenarios() {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectDirectory("features"))
        .filters(includeEngines("cucumber"))
        // glue, workers and the rest from junit-platform.properties; these runs report only to this table
        .configurationParameter(PLUGIN_PROPERTY_NAME, "summary")
        // these runs are evidence for the table, not for the report
        .configurationParameter("junit.platform.execution.listeners.deactivate", "io.qameta.allure.*")
        .build();
    List<String> failed = new CopyOnWriteArrayList<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
          failed.add(where(id) + id.getDisplayName());
        }
      }
    });
    return failed;
  }
}
