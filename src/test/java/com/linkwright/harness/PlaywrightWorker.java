package com.linkwright.harness;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;

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
   * Starts Playwright's driver and launches Chromium in it (both are timed). Playwright cannot download browsers
   * here; it drives the Chromium the locator found.
   */
  static PlaywrightWorker start(HarnessConfig config, BrowserLocator.Located chromium, Harness.StartTimes times) {
    PlaywrightDriver.install();
    Playwright playwright = times.time("Playwright", () -> Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))));
    try {
      Browser browser = times.time("browser", () -> launch(playwright, chromium, config));
      return new PlaywrightWorker(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  private static Browser launch(Playwright playwright, BrowserLocator.Located chromium, HarnessConfig config) {
    try {
      return playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(chromium.executable())
          .setHeadless(config.headless)
          .setSlowMo(config.slowMo)
          // Keep Chromium's own pop-up blocker on, as in a user's browser: a window.open without a user gesture is
          // blocked by the browser itself, which is what the pop-up scenarios rely on.
          .setIgnoreDefaultArgs(List.of("--disable-popup-blocking"))
          // This machine has no internet: stop Chromium from trying to reach Google's services.
          .setArgs(List.of("--disable-quic", "--disable-background-networking", "--disable-component-update",
              "--no-first-run", "--disable-sync", "--disable-gpu")));
    } catch (RuntimeException e) {
      throw new IllegalStateException("Chromium at " + chromium.executable() + " (" + chromium.how()
          + ") did not start: " + e.getMessage().lines().findFirst().orElse("") + ". Name another with -Dbrowser.executable=...", e);
    }
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
