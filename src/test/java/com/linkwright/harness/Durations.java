package com.linkwright.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How long each unit of work took in an earlier run, the weights that balance the shards: a scenario
 * ({@code features/x.feature:line}, its first attempt) or a JUnit test class (from its first test's start to its last
 * test's end). Read from Allure's results; kept as {@code durations.json} beside the report's history, which CI carries
 * from one run to the next anyway. Only a whole run writes it: a shard's share, or a sharded run's report, would
 * leave the other shards' units out and change the next split halfway through a run.
 */
final class Durations {
  static final String FILE = "durations.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The durations read, and what the split says it was balanced by. */
  record Known(Map<String, Double> seconds, String balancedBy, String fingerprint) {}

  private Durations() {}

  /** The durations in {@code file}; none (balance by count) when there is no such file. A broken file fails. */
  static Known read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Known(Map.of(), "count (no durations at " + file + ")", "none");
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      JsonNode units = JSON.readTree(bytes).path("seconds");
      Map<String, Double> seconds = new TreeMap<>();
      units.fields().forEachRemaining(e -> seconds.put(e.getKey(), e.getValue().asDouble()));
      if (seconds.isEmpty()) {
        return new Known(Map.of(), "count (" + file + " times nothing)", fingerprint(bytes));
      }
      return new Known(seconds, "the durations in " + file, fingerprint(bytes));
    } catch (IOException e) {
      throw new HarnessConfig.ConfigException("shard.durations: " + file + " is not a durations file ("
          + e.getMessage().lines().findFirst().orElse("") + "). Delete it to split by count.");
    }
  }

  /** Each unit's seconds in these Allure results. */
  static Map<String, Double> fromResults(Path results) throws IOException {
    Map<String, Double> scenarioSeconds = new TreeMap<>();
    Map<String, Long> firstStart = new HashMap<>();
    Map<String, long[]> classSpan = new TreeMap<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json"))::iterator) {
        JsonNode r = JSON.readTree(f.toFile());
        long start = r.path("start").asLong();
        long stop = r.path("stop").asLong();
        if (RunSummary.isScenario(r)) {
          String unit = r.path("fullName").asText();
          // a rerun under `retries` is not what the scenario normally costs: keep its first attempt
          if (!firstStart.containsKey(unit) || start < firstStart.get(unit)) {
            firstStart.put(unit, start);
            scenarioSeconds.put(unit, (stop - start) / 1000.0);
          }
        } else {
          String unit = ShardFilter.topLevelClass(label(r, "testClass"));
          if (!unit.isEmpty()) {
            classSpan.merge(unit, new long[] {start, stop},
                (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
          }
        }
      }
    }
    Map<String, Double> seconds = new TreeMap<>(scenarioSeconds);
    classSpan.forEach((unit, span) -> seconds.put(unit, (span[1] - span[0]) / 1000.0));
    return seconds;
  }

  /** Writes the durations of a whole run's results beside the report's history; a shard's results write nothing. */
  static void keep(Path results, Path history) throws IOException {
    if (ShardRecords.isShard(results)) {
      return;
    }
    write(fromResults(results), history.resolve(FILE));
  }

  static void write(Map<String, Double> seconds, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("about", "seconds each scenario and JUnit test class took in the last whole run; balances -Dshard=i/n");
    ObjectNode units = root.putObject("seconds");
    new TreeMap<>(seconds).forEach(units::put);
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), root);
  }

  private static String label(JsonNode r, String name) {
    for (JsonNode label : r.path("labels")) {
      if (name.equals(label.path("name").asText())) {
        return label.path("value").asText();
      }
    }
    return "";
  }

  static String fingerprint(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
