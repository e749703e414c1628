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
  private final BrowserLocator.Located chromium;
  private final HarnessConfig config;
  /** The full Chromium, for what needs its pop-up blocker; the same as {@link #browser} when no shell is used. */
  private Browser withBlocker;

  private PlaywrightWorker(Playwright playwright, Browser browser, BrowserLocator.Located chromium, HarnessConfig config,
      boolean shell) {
    this.playwright = playwright;
    this.browser = browser;
    this.chromium = chromium;
    this.config = config;
    this.withBlocker = shell ? null : browser;
  }

  /**
   * Starts Playwright's driver and opens Chromium in it (both are timed): launched here (Playwright cannot download
   * browsers here; it drives the Chromium the locator found) or remote ({@link BrowserProvider}). With a headless
   * shell, the scenarios drive it, and the full Chromium starts only when something needs its pop-up blocker.
   */
  static PlaywrightWorker start(HarnessConfig config, BrowserLocator.Located chromium,
      java.util.Optional<BrowserLocator.Located> headlessShell, StartTimes times) {
    PlaywrightDriver.install();
    Playwright playwright = times.time("Playwright", () -> Playwright.create(BrowserProvider.createOptions(config)));
    try {
      Browser browser = times.time("browser", () -> BrowserProvider.open(playwright, headlessShell.orElse(chromium), config));
      if (!config.browserConnect.isEmpty() || !config.browserGrid.isEmpty()) {
        sayWhetherTheBlockerIsOn(browser, chromium, config);
      }
      return new PlaywrightWorker(playwright, browser, chromium, config, headlessShell.isPresent());
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

  /** The Chromium the scenarios drive: the headless shell when the run uses one, else the full Chromium. */
  public Browser browser() {
    return browser;
  }

  /**
   * The full Chromium, its own pop-up blocker on (the scenarios tagged {@code @popup-blocker}, PopupBlockerIT):
   * launched on first use when the scenarios drive the headless shell, which has no pop-up blocker.
   */
  public Browser browserWithPopupBlocker() {
    if (withBlocker == null) {
      withBlocker = BrowserProvider.open(playwright, chromium, config);
    }
    return withBlocker;
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
