package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * When a run is a look at chosen scenarios: a selection given, where the build asks for scenarios only. It changes
 * the JVM's system properties, so no test that reads them runs beside it (their @ResourceLock), and it gives back
 * what the run was started with (a user's -Dcucumber.filter.tags reaches this JVM too).
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ScenarioSelectionTest {
  private static final List<String> KEYS = List.of("linkwright.selection.onlyScenarios", "cucumber.filter.tags",
      "cucumber.filter.name", "cucumber.features");
  private final Map<String, String> before = new HashMap<>();

  @BeforeEach
  void keep() {
    KEYS.forEach(k -> before.put(k, System.getProperty(k)));
  }

  @AfterEach
  void giveBack() {
    KEYS.forEach(k -> {
      if (before.get(k) == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, before.get(k));
      }
    });
  }

  private static void clear() {
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
