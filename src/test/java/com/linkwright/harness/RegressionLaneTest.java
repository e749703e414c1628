package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the regression proof spends a fault's scenarios: doubling batches, each scenario once, in the clean run's order. */
class RegressionLaneTest {
  @Test
  void batchesDoubleAndTakeEveryScenarioOnceInOrder() {
    List<String> tags = IntStream.rangeClosed(1, 10).mapToObj(i -> "features/x.feature:" + i).toList();
    List<List<String>> batches = RegressionLane.batches(tags, false);
    assertThat(batches).extracting(List::size).containsExactly(1, 2, 4, 3);
    assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(tags);
    assertThat(RegressionLane.batches(tags.subList(0, 7), false)).extracting(List::size).containsExactly(1, 2, 4);
    assertThat(RegressionLane.batches(tags.subList(0, 1), false)).extracting(List::size).containsExactly(1);
  }

  @Test
  void exhaustiveIsOneBatchOfAllAndNothingIsNoBatch() {
    List<String> tags = List.of("features/a.feature:3", "features/b.feature:9", "features/a.feature:12");
    assertThat(RegressionLane.batches(tags, true)).containsExactly(tags);
    assertThat(RegressionLane.batches(List.of(), true)).isEmpty();
    assertThat(RegressionLane.batches(List.of(), false)).isEmpty();
  }
}
