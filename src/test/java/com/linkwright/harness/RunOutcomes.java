package com.linkwright.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Prints what a run's Allure results say about each test, one line each, sorted: a scenario's name
 * ({@code features/x.feature:line}) or a JUnit test's, its outcome (the last attempt's) and how many attempts it took.
 * Two runs with the same lines ran the same tests with the same outcomes: the shard simulation (ci/simulate-shards)
 * compares one whole run with the merge of its shards this way. Argument: the results folder.
 */
public final class RunOutcomes {
  private RunOutcomes() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> last = new TreeMap<>();
    Map<String, Integer> attempts = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json"))::iterator) {
        JsonNode r = json.readTree(f.toFile());
        // a parameterized JUnit test has one result per argument set: its historyId tells them apart
        String name = (RunSummary.isScenario(r) ? "scenario " : "junit ") + r.path("fullName").asText()
            + (RunSummary.isScenario(r) ? "" : " " + r.path("name").asText() + " #" + r.path("historyId").asText());
        attempts.merge(name, 1, Integer::sum);
        if (!last.containsKey(name) || r.path("stop").asLong() > last.get(name).path("stop").asLong()) {
          last.put(name, r);
        }
      }
    }
    last.forEach((name, r) -> System.out.println(name + " " + r.path("status").asText()
        + (attempts.get(name) > 1 ? " after " + attempts.get(name) + " attempts" : "")));
  }
}
