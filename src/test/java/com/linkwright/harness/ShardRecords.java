package com.linkwright.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The plans a shard ran by, kept in its Allure results as {@code linkwright-shard-*.json} (Allure ignores them): the
 * shard's own report reads them to tell an empty share from a selection that matched nothing, and the merge of the
 * shards checks with them that every shard split the same tests the same way and that each ran its share.
 */
final class ShardRecords {
  private static final String PREFIX = "linkwright-shard-";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ShardRecords() {}

  /**
   * One split of the selected scenarios. {@code plan} names every scenario of every shard, so shards that split the
   * same selection with the same durations write the same plan (and the same {@link #planId()}).
   */
  record Record(int shard, int of, String engine, String balancedBy, String durations, SortedMap<String, Integer> plan) {
    /** Equal on every shard of one run: the engine, the shard count, the units and the durations they were weighed by. */
    String planId() {
      return engine + "-" + Durations.fingerprint((of + "|" + durations + "|" + String.join("\n", plan.keySet()))
          .getBytes(StandardCharsets.UTF_8));
    }

    List<String> mine() {
      return plan.entrySet().stream().filter(e -> e.getValue() == shard).map(Map.Entry::getKey).toList();
    }

    String describe() {
      String share = mine().isEmpty()
          ? "none of the " + plan.size() + " selected scenarios falls to this shard, which passes empty"
          : mine().size() + " of the " + plan.size() + " selected scenarios run here";
      return "shard " + shard + "/" + of + ": " + share + (shard == 1 ? ", and every JUnit test" : " (the JUnit tests run in shard 1)")
          + "; split by " + balancedBy;
    }
  }

  static void write(Path results, Record r) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("shard", r.shard());
    root.put("of", r.of());
    root.put("engine", r.engine());
    root.put("balancedBy", r.balancedBy());
    root.put("durations", r.durations());
    ObjectNode plan = root.putObject("plan");
    r.plan().forEach(plan::put);
    Files.createDirectories(results);
    // named by plan and shard: CI may unpack every shard's results into one tree
    JSON.writeValue(results.resolve(PREFIX + r.planId() + "-" + r.shard() + "of" + r.of() + ".json").toFile(), root);
  }

  static List<Record> read(Path results) throws IOException {
    List<Record> records = new ArrayList<>();
    if (!Files.isDirectory(results)) {
      return records;
    }
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : (Iterable<Path>) files.filter(ShardRecords::isRecord).sorted()::iterator) {
        JsonNode n = JSON.readTree(f.toFile());
        SortedMap<String, Integer> plan = new TreeMap<>();
        n.path("plan").fields().forEachRemaining(e -> plan.put(e.getKey(), e.getValue().asInt()));
        records.add(new Record(n.path("shard").asInt(), n.path("of").asInt(), n.path("engine").asText(),
            n.path("balancedBy").asText(), n.path("durations").asText(), plan));
      }
    }
    return records;
  }

  static boolean isRecord(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(".json");
  }

  static boolean isShard(Path results) throws IOException {
    return !read(results).isEmpty();
  }

  /**
   * For a run with no scenario in its results: why, when it was a shard whose share of a selection with scenarios
   * was empty. Empty when that is not the reason (then the selection matched nothing).
   */
  static Optional<String> emptyShare(Path results) throws IOException {
    for (Record r : read(results)) {
      if (!r.plan().isEmpty() && r.mine().isEmpty()) {
        return Optional.of("shard " + r.shard() + "/" + r.of() + " ran no scenario: none of the " + r.plan().size()
            + " selected falls to it. That is not a failure; the other shards run them.");
      }
    }
    return Optional.empty();
  }
}
