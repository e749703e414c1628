package com.linkwright.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Marks as flaky, in the Allure results, a scenario that passed on a rerun (retries) after failing: its last attempt
 * gets {@code statusDetails.flaky = true}. Allure 2 takes that flag from the results only (Cucumber's adapter always
 * writes false), and the report's "Flaky (passed on a retry)" category (categories.json) matches on it; without the
 * mark the category stays empty however often a scenario flakes.
 */
final class FlakyResults {
  private FlakyResults() {}

  /** Returns how many scenarios were marked. */
  static int mark(Path results) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<Path>> attempts = new HashMap<>();
    Map<Path, JsonNode> read = new HashMap<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json"))::iterator) {
        JsonNode r = json.readTree(f.toFile());
        if (RunSummary.isScenario(r)) {
          read.put(f, r);
          attempts.computeIfAbsent(r.path("historyId").asText(r.path("uuid").asText()), k -> new ArrayList<>()).add(f);
        }
      }
    }
    int marked = 0;
    for (List<Path> tries : attempts.values()) {
      tries.sort(Comparator.comparingLong(f -> read.get(f).path("stop").asLong()));
      JsonNode last = read.get(tries.get(tries.size() - 1));
      boolean failedBefore = tries.subList(0, tries.size() - 1).stream()
          .anyMatch(f -> !"passed".equals(read.get(f).path("status").asText()));
      if ("passed".equals(last.path("status").asText()) && failedBefore) {
        ObjectNode details = last.has("statusDetails") && last.get("statusDetails").isObject()
            ? (ObjectNode) last.get("statusDetails") : ((ObjectNode) last).putObject("statusDetails");
        details.put("flaky", true);
        json.writeValue(tries.get(tries.size() - 1).toFile(), last);
        marked++;
      }
    }
    return marked;
  }
}
