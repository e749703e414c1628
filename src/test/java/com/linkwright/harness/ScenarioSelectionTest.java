package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a run is a look at chosen scenarios: a selection given, where the build asks for scenarios only. */
class ScenarioSelectionTest {
  private static final List<String> KEYS = List.of("linkwright.selection.onlyScenarios", "cucumber.filter.tags",
      "cucumber.filter.name", "cucumber.features");

  @AfterEach
  void clear() {
    KEYS.forEach(System::clearProperty);
  }

  @Test
  void eachWayOfChoosingScenariosIsASelectionWhereTheBuildAsks() {
    for (String key : KEYS.subList(1, KEYS.size())) {
      clear();
      System.setProperty("linkwright.selection.onlyScenarios", "true");
      assertThat(ScenarioSelection.onlyScenarios()).as("nothing chosen").isFalse();
      System.setProperty(key, "features/direct.feature:11");
      assertThat(ScenarioSelection.onlyScenarios()).as(key).isTrue();
      System.setProperty(key, "  ");
      assertThat(ScenarioSelection.onlyScenarios()).as(key + " blank").isFalse();
    }
  }

  @Test
  void withoutTheBuildsWordASelectionKeepsTheJUnitTests() {
    System.setProperty("cucumber.filter.tags", "@direct");
    assertThat(ScenarioSelection.onlyScenarios()).isFalse();
    System.setProperty("linkwright.selection.onlyScenarios", "false");
    assertThat(ScenarioSelection.onlyScenarios()).as("the regression proof's profile").isFalse();
  }
}
