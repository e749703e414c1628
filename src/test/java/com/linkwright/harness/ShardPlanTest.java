package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The split itself: every scenario in one shard, the same on every machine, balanced; bad shard values refused. */
class ShardPlanTest {
  private static final List<String> SCENARIOS = IntStream.rangeClosed(1, 45)
      .mapToObj(i -> "features/f" + (i % 4) + ".feature:" + (i * 7)).toList();

  @Test
  void everyScenarioLandsInExactlyOneShardWhateverTheShardCount() {
    for (int n = 1; n <= 50; n++) {
      SortedMap<String, Integer> plan = ShardPlan.assign(SCENARIOS, n, Map.of());
      assertThat(plan.keySet()).containsExactlyInAnyOrderElementsOf(SCENARIOS);
      int shards = n;
      assertThat(plan.values()).allSatisfy(s -> assertThat(s).isBetween(1, shards));
    }
  }

  @Test
  void theOrderTheScenariosWereFoundInChangesNothing() {
    Map<String, Double> seconds = new TreeMap<>();
    Random random = new Random(11);
    SCENARIOS.forEach(s -> seconds.put(s, 0.5 + random.nextInt(60) / 10.0));
    SortedMap<String, Integer> byCount = ShardPlan.assign(SCENARIOS, 4, Map.of());
    SortedMap<String, Integer> byTime = ShardPlan.assign(SCENARIOS, 4, seconds);
    for (int i = 0; i < 20; i++) {
      List<String> shuffled = new ArrayList<>(SCENARIOS);
      Collections.shuffle(shuffled, new Random(i));
      assertThat(ShardPlan.assign(shuffled, 4, Map.of())).isEqualTo(byCount);
      assertThat(ShardPlan.assign(shuffled, 4, new TreeMap<>(seconds))).isEqualTo(byTime);
    }
  }

  @Test
  void withoutDurationsTheSharesDifferByOneScenarioAtMost() {
    for (int n = 1; n <= 50; n++) {
      int[] sizes = sizes(ShardPlan.assign(SCENARIOS, n, Map.of()), n);
      assertThat(IntStream.of(sizes).max().getAsInt() - IntStream.of(sizes).min().getAsInt()).as("%d shards", n).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void withDurationsNoShardRunsLongerThanAnotherByMoreThanItsLongestScenario() {
    Map<String, Double> seconds = new TreeMap<>();
    Random random = new Random(7);
    // a few long scenarios among many short ones, as in the suite
    SCENARIOS.forEach(s -> seconds.put(s, random.nextInt(10) == 0 ? 20 + random.nextInt(20) : 1 + random.nextInt(30) / 10.0));
    for (int n = 2; n <= 6; n++) {
      SortedMap<String, Integer> plan = ShardPlan.assign(SCENARIOS, n, seconds);
      double[] load = new double[n];
      plan.forEach((s, shard) -> load[shard - 1] += seconds.get(s));
      double longest = seconds.values().stream().mapToDouble(Double::doubleValue).max().getAsDouble();
      double spread = java.util.Arrays.stream(load).max().getAsDouble() - java.util.Arrays.stream(load).min().getAsDouble();
      assertThat(spread).as("%d shards: %s", n, java.util.Arrays.toString(load)).isLessThanOrEqualTo(longest);
    }
  }

  @Test
  void theLongestAreDealtOutFirst() {
    // in name order, a and c would share a shard (3 s against 1 s); the longest first gives 2 s and 2 s
    Map<String, Double> seconds = Map.of("features/a.feature:1", 1.0, "features/b.feature:1", 1.0, "features/c.feature:1", 2.0);
    assertThat(ShardPlan.assign(seconds.keySet(), 2, seconds)).containsEntry("features/c.feature:1", 1)
        .containsEntry("features/a.feature:1", 2).containsEntry("features/b.feature:1", 2);
  }

  @Test
  void shardOneRunsTheJunitTestsSoItGetsLessScenarioTime() {
    Map<String, Double> seconds = new TreeMap<>();
    SCENARIOS.forEach(s -> seconds.put(s, 2.0));
    seconds.put("com.linkwright.app.PostingIT", 20.0);
    SortedMap<String, Integer> plan = ShardPlan.assign(SCENARIOS, 2, seconds);
    int[] sizes = sizes(plan, 2);
    // 45 x 2 s + 20 s of JUnit tests: shard 1 gets 18 scenarios (36 + 20 s), shard 2 gets 27 (54 s)
    assertThat(sizes[0] * 2 + 20.0).isCloseTo(sizes[1] * 2.0, org.assertj.core.data.Offset.offset(2.0));
    assertThat(plan.keySet()).doesNotContain("com.linkwright.app.PostingIT");
  }

  @Test
  void aScenarioNoEarlierRunTimedWeighsAsTheMedianOne() {
    Map<String, Double> seconds = Map.of("features/a.feature:3", 1.0, "features/a.feature:9", 3.0, "features/a.feature:20", 10.0);
    SortedMap<String, Integer> plan = ShardPlan.assign(List.of("features/a.feature:3", "features/a.feature:9",
        "features/a.feature:20", "features/new.feature:4"), 2, seconds);
    // 10 s alone in one shard; 3 + 1 + the new one's 3 (the median) in the other
    assertThat(plan).containsEntry("features/a.feature:20", 1).containsEntry("features/a.feature:9", 2)
        .containsEntry("features/new.feature:4", 2).containsEntry("features/a.feature:3", 2);
  }

  @Test
  void moreShardsThanScenariosLeavesSomeEmpty() {
    SortedMap<String, Integer> plan = ShardPlan.assign(List.of("features/a.feature:3"), 3, Map.of());
    assertThat(plan).containsExactly(Map.entry("features/a.feature:3", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0/4", "5/4", "a/b", "1/0", "0/0", "2/", "/4", "-1/4", "+1/4", "1/4/2", "1.5/4", "2 /4",
      "2\\4", "1/1001", "half"})
  void aMalformedShardStopsTheRunNamingTheKey(String value) {
    Properties p = new Properties();
    p.setProperty("shard", value);
    assertThatThrownBy(() -> HarnessConfig.load(Path.of("playwright.config"), p))
        .isInstanceOf(HarnessConfig.ConfigException.class)
        .hasMessageStartingWith("Bad value '" + value.trim() + "' for shard: allowed empty (run the whole selection) or i/n");
  }

  @Test
  void aShardIsReadLikeEveryOtherSettingTrimmedAndEmptyMeansTheWholeRun() {
    Properties p = new Properties();
    p.setProperty("shard", " 2/4 ");
    assertThat(HarnessConfig.load(Path.of("playwright.config"), p).shard).isEqualTo(new Shard(2, 4));
    p.setProperty("shard", "1/1");
    assertThat(HarnessConfig.load(Path.of("playwright.config"), p).shard).isEqualTo(new Shard(1, 1));
    p.setProperty("shard", "");
    assertThat(HarnessConfig.load(Path.of("playwright.config"), p).shard).isNull();
  }

  private static int[] sizes(Map<String, Integer> plan, int n) {
    int[] sizes = new int[n];
    plan.values().forEach(s -> sizes[s - 1]++);
    return sizes;
  }
}
