package com.linkwright.suite;

import com.linkwright.deliberate.WhatReadersSeeIT;
import com.linkwright.harness.BrowserSecurityIT;
import com.linkwright.harness.Harness;
import com.linkwright.harness.PopupBlockerIT;
import com.linkwright.harness.ScenarioTagIT;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Every feature in features/, run by Cucumber on the JUnit Platform (failsafe runs it in ./mvnw verify), and the
 * JUnit tests that drive the same browsers (and prove what the report and the living guide show). The suite holds the harness from its first test to its last, so the
 * scenarios and those tests share one start. Runner settings: src/test/resources/junit-platform.properties.
 */
// a selection may leave nothing here (a tag that matches no scenario; a shard whose share is empty): the report then
// says which, failing the build for the first and passing the second, instead of the Suite engine's bare error
@Suite(failIfNoTests = false)
@IncludeEngines({"cucumber", "junit-jupiter"})
@SelectDirectories("features")
@SelectClasses({PopupBlockerIT.class, BrowserSecurityIT.class, WhatReadersSeeIT.class, ScenarioTagIT.class})
public class RunCucumberIT {
  @BeforeSuite
  static void holdHarness() {
    Harness.hold();
  }

  @AfterSuite
  static void letGoOfHarness() {
    Harness.letGo();
  }
}
