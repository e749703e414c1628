package com.linkwright.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.InnerCucumberRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * What the console prints for a run, on a dry run of a feature of two scenarios (no browser): one that passes, one
 * with a step nobody wrote. A line for each as it finishes, with done/total; the failure again at the end, with its
 * step and the snippet to write; the counts. Batch mode prints no colour codes and never rewrites a line.
 */
// reads the system properties a selection sets (ScenarioSelectionTest writes them)
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class RunConsoleTest {

  private static String run(Path dir, boolean colour) throws IOException {
    Path feature = dir.resolve("console.feature");
    Files.writeString(feature, """
        Feature: The console
          Scenario: a scenario whose glue exists
            Given I am signed in to the dashboard as a new user

          Scenario: a scenario with a step nobody wrote
            Given I am signed in to the dashboard as a new user
            When I wave at the dashboard
        """);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LauncherFactory.create().execute(InnerCucumberRun.of(ScenarioFacts.class.getName(), feature)
        .configurationParameter("cucumber.execution.dry-run", "true")
        .build(), new RunConsole(new PrintStream(printed, true, StandardCharsets.UTF_8), colour));
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLineForEachScenarioAsItFinishesThenTheFailureAgainWithItsStep(@TempDir Path dir) throws IOException {
    String printed = run(dir, false);
    String where = RunConsole.relative(dir.resolve("console.feature"));
    assertThat(printed).containsPattern("(?m)^\\[linkwright\\] 2 scenarios on \\d+ workers?")
        .containsPattern("(?m)^  ✓  [12]/2  " + quote(where) + ":2 › a scenario whose glue exists \\(\\d+\\.\\d s\\)$")
        .containsPattern("(?m)^  ✘  [12]/2  " + quote(where) + ":5 › a scenario with a step nobody wrote \\(\\d+\\.\\d s\\)$")
        .contains("[linkwright] 1 failure:")
        .contains("  1) " + where + ":5 › a scenario with a step nobody wrote")
        .contains("step:    undefined: When I wave at the dashboard (console.feature:7)")
        .contains("write the undefined step, e.g.:")
        .contains("@When(\"I wave at the dashboard\")")
        .containsPattern("(?m)^\\[linkwright\\] scenarios: 1 passed, 1 failed of 2 in \\d+\\.\\d s$");
    assertThat(printed.indexOf("1/2")).as("the counter counts up").isLessThan(printed.indexOf("2/2"));
  }

  @Test
  void batchModePrintsNoColourAndRewritesNoLine(@TempDir Path dir) throws IOException {
    String printed = run(dir, false);
    assertThat(printed).doesNotContain("\u001b").doesNotContain("\r");
  }

  @Test
  void aTerminalGetsColour(@TempDir Path dir) throws IOException {
    String printed = run(dir, true);
    assertThat(printed).contains("\u001b[32m✓\u001b[0m").contains("\u001b[31m✘\u001b[0m").doesNotContain("\r");
  }

  private static String quote(String s) {
    return java.util.regex.Pattern.quote(s);
  }
}
