package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run summary's phase line, which bench/gate reads: the harness's parts, the first scenario, the median of the rest. */
class PhasesTest {
  private static RunSummary ran(Double... seconds) {
    return new RunSummary(seconds.length, seconds.length, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(seconds));
  }

  @Test
  void namesEachPartTheFirstScenarioTheMedianOfTheRestAndTheReport(@TempDir Path dir) throws IOException {
    Path times = dir.resolve("phases.properties");
    Files.writeString(times, "harness=4.10\nstubs=2.90\napp=2.20\nPlaywright=1.60\nbrowser=0.50\nwarm-up=1.20\n");
    assertThat(Phases.line(times, ran(3.0, 2.0, 9.0, 1.0, 2.5), 3.04)).isEqualTo("phases: harness start 4.10 s (side by side:"
        + " stubs 2.90, app 2.20, Playwright 1.60, browser 0.50; then warm-up 1.20); first scenario 3.00 s;"
        + " the rest 2.25 s a scenario (median of 4); report 3.0 s");
  }

  @Test
  void withoutAHarnessOrScenariosItSaysSo(@TempDir Path dir) throws IOException {
    assertThat(Phases.line(dir.resolve("none"), ran(), 1.0))
        .isEqualTo("phases: harness start - (not started); no scenario; report 1.0 s");
  }

  @Test
  void theMedianOfAnOddCountIsTheMiddleOne() {
    assertThat(Phases.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
  }
}
