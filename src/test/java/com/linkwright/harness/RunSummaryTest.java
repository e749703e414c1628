package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  @Test
  void theJUnitTestsAreCountedApartFromTheScenarios() {
    RunSummary summary = new RunSummary(48, 47, 1, 0, 0, 0, 447, 2, 72.0, List.of(), List.of());
    assertThat(summary.line()).isEqualTo("scenarios: 47 passed, 1 failed, 0 broken, 0 flaky, 0 skipped of 48 in 72.0 s"
        + " (1.50 s a scenario); JUnit tests: 447, 2 not passed");
  }

  @Test
  void aRunWithoutJUnitTestsSaysNoneRanNotZeroPassed() {
    RunSummary selection = new RunSummary(1, 1, 0, 0, 0, 0, 0, 0, 2.0, List.of(), List.of());
    assertThat(selection.line()).endsWith("(2.00 s a scenario); JUnit tests: none ran")
        .doesNotContain("not passed");
    RunSummary oneTest = new RunSummary(1, 1, 0, 0, 0, 0, 1, 0, 2.0, List.of(), List.of());
    assertThat(oneTest.line()).endsWith("JUnit tests: 1, 0 not passed");
  }

  @Test
  void flakyScenariosAreNamedAtTheEnd() {
    RunSummary flaky = new RunSummary(2, 2, 0, 0, 1, 0, 0, 0, 4.0, List.of("A scenario that fails once"), List.of());
    assertThat(flaky.line()).endsWith("JUnit tests: none ran; FLAKY: A scenario that fails once");
  }
}
