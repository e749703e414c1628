package com.linkwright.steps;

import com.linkwright.harness.BrowserSession;
import com.linkwright.harness.PlaywrightWorker;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/** Opens a fresh browser context per scenario and keeps the evidence of a failure. */
public class Hooks {
  private final BrowserSession session;

  public Hooks(BrowserSession session) {
    this.session = session;
  }

  @Before(order = 0)
  public void openBrowser(Scenario scenario) {
    session.open(scenario);
  }

  @After
  public void closeBrowser() {
    session.close();
  }

  @AfterAll
  public static void closeBrowsers() {
    PlaywrightWorker.closeAll();
  }
}
