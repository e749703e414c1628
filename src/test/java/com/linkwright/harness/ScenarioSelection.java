package com.linkwright.harness;

import java.util.List;
import java.util.Properties;

/**
 * A run of chosen scenarios ({@code -Dcucumber.filter.tags}, {@code -Dcucumber.filter.name} or
 * {@code -Dcucumber.features}) in the integration phase runs those scenarios and nothing else: the project's own JUnit
 * tests (the *IT classes and those inside the feature suite) prove the harness, the app and the stubs whatever
 * scenarios are chosen, so they belong to a whole run ({@code ./mvnw verify}, CI's), not to each look at one feature.
 * They are not skipped: like any test outside a selection, they are not selected, and the console and the report
 * count only what ran. Only where the build says so ({@code linkwright.selection.onlyScenarios=true}, failsafe's
 * default run); the regression proof, which narrows its scenarios by tags, runs its own test. The unit phase is left
 * out before it starts, by the pom's selection-* profiles (on when a selection property has a value; Maven cannot
 * tell a blank one, which only {@link #chosen} treats as no selection).
 */
final class ScenarioSelection {
  static final String WHY = "a selection of scenarios runs those scenarios; the JUnit tests run in a whole run";
  private static final List<String> SELECTIONS = List.of("cucumber.filter.tags", "cucumber.filter.name", "cucumber.features");

  private ScenarioSelection() {}

  /** Whether this JVM runs a selection of scenarios where the build asks for only those. */
  static boolean onlyScenarios() {
    return Boolean.getBoolean("linkwright.selection.onlyScenarios") && chosen(System.getProperties());
  }

  /** Whether these properties choose scenarios (a tag expression, a name, a feature or a line); blank is no choice. */
  static boolean chosen(Properties properties) {
    return SELECTIONS.stream().map(properties::getProperty).anyMatch(v -> v != null && !v.isBlank());
  }
}
