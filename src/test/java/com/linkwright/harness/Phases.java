package com.linkwright.harness;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Where a run's time went, in one line of the run summary: the harness start (and each of its parts, which run side
 * by side), the first scenario, the median of the rest, and the report. bench/gate reads this line.
 */
final class Phases {
  private Phases() {}

  static String line(Path harnessTimes, RunSummary summary, double reportSeconds) throws IOException {
    StringBuilder line = new StringBuilder("phases: harness start ");
    if (Files.isRegularFile(harnessTimes)) {
      Properties t = new Properties();
      try (Reader r = Files.newBufferedReader(harnessTimes)) {
        t.load(r);
      }
      line.append(t.getProperty("harness", "?")).append(" s (side by side: stubs ").append(t.getProperty("stubs", "-"))
          .append(", app ").append(t.getProperty("app", "-")).append(", Playwright ").append(t.getProperty("Playwright", "-"))
          .append(", browser ").append(t.getProperty("browser", "-")).append("; then warm-up ")
          .append(t.getProperty("warm-up", "-")).append(")");
    } else {
      line.append("- (not started)");
    }
    List<Double> scenarios = summary.scenarioSeconds();
    if (scenarios.isEmpty()) {
      line.append("; no scenario");
    } else {
      line.append(String.format(Locale.ROOT, "; first scenario %.2f s", scenarios.get(0)));
      if (scenarios.size() > 1) {
        line.append(String.format(Locale.ROOT, "; the rest %.2f s a scenario (median of %d)",
            median(scenarios.subList(1, scenarios.size())), scenarios.size() - 1));
      }
    }
    return line.append(String.format(Locale.ROOT, "; report %.1f s", reportSeconds)).toString();
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
