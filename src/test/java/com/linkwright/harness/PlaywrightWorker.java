package com.linkwright.harness;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/**
 * One Playwright and the Chromium it drives. Playwright is not thread-safe: the harness lends a worker to one
 * scenario at a time (see {@link Harness#borrowBrowser()}), and each scenario opens its own context in it.
 */
public final class PlaywrightWorker implements AutoCloseable {
  private final Playwright playwright;
  private final Browser browser;

  private PlaywrightWorker(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Starts Playwright's driver and opens Chromium in it (both are timed): launched here (Playwright cannot download
   * browsers here; it drives the Chromium the locator found) or remote ({@link BrowserProvider}).
   */
  static PlaywrightWorker start(HarnessConfig config, BrowserLocator.Located chromium, StartTimes times) {
    PlaywrightDriver.install();
    Playwright playwright = times.time("Playwright", () -> Playwright.create(BrowserProvider.createOptions(config)));
    try {
      Browser browser = times.time("browser", () -> BrowserProvider.open(playwright, chromium, config));
      if (!config.browserConnect.isEmpty() || !config.browserGrid.isEmpty()) {
        sayWhetherTheBlockerIsOn(browser, chromium, config);
      }
      return new PlaywrightWorker(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A remote browser may have lost the option that keeps the pop-up blocker on: the run says so from the start. */
  private static void sayWhetherTheBlockerIsOn(Browser browser, BrowserLocator.Located chromium, HarnessConfig config) {
    System.out.println("[linkwright] remote Chromium " + browser.version() + " " + chromium.how() + ": "
        + (PopupBlocker.isOn(browser) ? "its own pop-up blocker is on, as the scenarios need"
            : PopupBlocker.untrusted(config)));
  }

  /** The Chromium the scenarios drive: pop-up blocker on. */
  public Browser browser() {
    return browser;
  }

  /** This worker's Playwright, for a test that needs a second Chromium launched differently. */
  public Playwright playwright() {
    return playwright;
  }

  @Override
  public void close() {
    playwright.close();
  }
}
