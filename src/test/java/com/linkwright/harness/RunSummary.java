package com.linkwright.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run's outcome, read from the Allure results: scenarios by their last attempt (a scenario rerun under
 * {@code retries} that then passed counts as flaky), the JUnit tests apart, the wall time of the scenarios and how
 * long each scenario's first attempt took, in the order they began.
 */
public record RunSummary(int scenarios, int passed, int failed, int broken, int flaky, int skipped, int junitTests,
                         int junitFailed, double wallSeconds, List<String> flakyNames, List<Double> scenarioSeconds) {

  public static RunSummary read(Path results) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<JsonNode>> attempts = new HashMap<>();
    int junit = 0;
    int junitFailed = 0;
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json"))::iterator) {
        JsonNode r = json.readTree(f.toFile());
        if (isScenario(r)) {
          attempts.computeIfAbsent(r.path("historyId").asText(r.path("uuid").asText()), k -> new ArrayList<>()).add(r);
        } else {
          junit++;
          if (!"passed".equals(r.path("status").asText())) {
            junitFailed++;
          }
        }
      }
    }
    int passed = 0, failed = 0, broken = 0, flaky = 0, skipped = 0;
    long start = Long.MAX_VALUE, stop = 0;
    List<String> flakyNames = new ArrayList<>();
    List<JsonNode> firstTries = new ArrayList<>();
    for (List<JsonNode> tries : attempts.values()) {
      tries.sort((a, b) -> Long.compare(a.path("stop").asLong(), b.path("stop").asLong()));
      JsonNode last = tries.get(tries.size() - 1);
      firstTries.add(tries.get(0));
      for (JsonNode t : tries) {
        start = Math.min(start, t.path("start").asLong());
        stop = Math.max(stop, t.path("stop").asLong());
      }
      switch (last.path("status").asText()) {
        case "passed" -> {
          passed++;
          if (tries.size() > 1) {
            flaky++;
            flakyNames.add(last.path("name").asText());
          }
        }
        case "failed" -> failed++;
        case "skipped" -> skipped++;
        default -> broken++;
      }
    }
    double wall = attempts.isEmpty() ? 0 : (stop - start) / 1000.0;
    // each scenario's first attempt, in the order they began: the first pays for whatever is still cold
    firstTries.sort((a, b) -> Long.compare(a.path("start").asLong(), b.path("start").asLong()));
    List<Double> seconds = firstTries.stream().map(t -> (t.path("stop").asLong() - t.path("start").asLong()) / 1000.0).toList();
    return new RunSummary(attempts.size(), passed, failed, broken, flaky, skipped, junit, junitFailed, wall, flakyNames, seconds);
  }

  static boolean isScenario(JsonNode r) {
    for (JsonNode label : r.path("labels")) {
      if ("framework".equals(label.path("name").asText())) {
        return label.path("value").asText().toLowerCase().contains("cucumber");
      }
    }
    return false;
  }

  public String line() {
    return String.format("scenarios: %d passed, %d failed, %d broken, %d flaky, %d skipped of %d in %.1f s"
            + " (%.2f s a scenario); JUnit tests: %s%s",
        passed, failed, broken, flaky, skipped, scenarios, wallSeconds, scenarios == 0 ? 0 : wallSeconds / scenarios,
        junitTests == 0 ? "none ran" : junitTests + ", " + junitFailed + " not passed",
        flakyNames.isEmpty() ? "" : "; FLAKY: " + String.join(" | ", flakyNames));
  }
}
