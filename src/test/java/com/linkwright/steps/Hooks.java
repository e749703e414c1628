package com.linkwright.steps;

import com.linkwright.harness.BrowserSession;
import com.linkwright.harness.Harness;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;

/** Holds the run's harness while the features run; opens a fresh browser context per scenario and keeps the evidence of a failure. */
public class Hooks {
  private final BrowserSession session;

  public Hooks(BrowserSession session) {
    this.session = session;
  }

  /**
   * However the features are run (the suite, an IDE, the regression proof), the harness is up before the first
   * scenario. A start failure is not thrown here: each scenario throws it, so that every one fails with its message.
   */
  @BeforeAll
  public static void holdHarness() {
    Harness.hold();
    Harness.awaitStart();
  }

  @AfterAll
  public static void letGoOfHarness() {
    Harness.letGo();
  }

  @Before(order = 0)
  public void openBrowser(Scenario scenario) {
    session.open(scenario);
  }

  /** Runs before closeBrowser (a higher order runs first), so that a violation's scenario keeps its failure evidence. */
  @After(order = 20000)
  public void noContentSecurityPolicyViolations() {
    session.assertNoCspViolations();
  }

  @After
  public void closeBrowser() {
    session.close();
  }
}
