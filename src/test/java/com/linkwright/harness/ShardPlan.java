package com.linkwright.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which shard runs each selected scenario: the same answer on every machine, whatever order the tests were discovered
 * in, because it depends only on the scenarios' names ({@code features/x.feature:line}) and the durations every shard
 * reads from the same file. Longest first, each to the shard with the least work so far (ties: the lower shard);
 * without durations every scenario weighs the same, which deals them out by count (sizes differ by one at most).
 * Shard 1 also runs the JUnit tests: with durations, it starts with their time already on it.
 */
final class ShardPlan {
  static final int MOST_SHARDS = 1000;
  /** A scenario no earlier run timed weighs as much as the median scenario that was timed. */
  private static final double UNKNOWN_WHEN_NOTHING_IS_KNOWN = 1.0;

  private ShardPlan() {}

  /**
   * Each scenario's shard, 1 to {@code total}, sorted by scenario. {@code seconds} may also time JUnit test classes
   * (named by class): those run in shard 1.
   */
  static SortedMap<String, Integer> assign(Collection<String> units, int total, Map<String, Double> seconds) {
    if (total < 1 || total > MOST_SHARDS) {
      throw new IllegalArgumentException("shards: " + total);
    }
    List<String> sorted = new ArrayList<>(new TreeSet<>(units));
    Map<String, Double> weight = new TreeMap<>();
    for (String unit : sorted) {
      weight.put(unit, seconds.containsKey(unit) ? seconds.get(unit) : medianScenario(seconds));
    }
    // heaviest first; equal weights in name order, so that a plan by count deals the units out in name order
    sorted.sort(Comparator.comparing((String u) -> weight.get(u)).reversed().thenComparing(Comparator.naturalOrder()));
    double[] load = new double[total];
    load[0] = seconds.entrySet().stream().filter(e -> !isScenario(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    SortedMap<String, Integer> shardOf = new TreeMap<>();
    for (String unit : sorted) {
      int lightest = 0;
      for (int s = 1; s < total; s++) {
        if (load[s] < load[lightest]) {
          lightest = s;
        }
      }
      load[lightest] += weight.get(unit);
      shardOf.put(unit, lightest + 1);
    }
    return shardOf;
  }

  /** Scenarios are named {@code path.feature:line}; JUnit units by their class. */
  static boolean isScenario(String unit) {
    return unit.contains(".feature");
  }

  private static double medianScenario(Map<String, Double> seconds) {
    double[] known = seconds.entrySet().stream().filter(e -> isScenario(e.getKey()))
        .mapToDouble(Map.Entry::getValue).sorted().toArray();
    if (known.length == 0) {
      return UNKNOWN_WHEN_NOTHING_IS_KNOWN;
    }
    return known.length % 2 == 1 ? known[known.length / 2] : (known[known.length / 2 - 1] + known[known.length / 2]) / 2;
  }
}
