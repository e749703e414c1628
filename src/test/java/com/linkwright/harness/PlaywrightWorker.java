package com.linkwright.harness;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Playwright and one Chromium per thread (Playwright is not thread-safe), reused by that thread's scenarios,
 * each of which opens its own context. Closed when the run ends.
 */
public final class PlaywrightWorker {
  private static final ThreadLocal<PlaywrightWorker> CURRENT = new ThreadLocal<>();
  private static final List<PlaywrightWorker> ALL = new CopyOnWriteArrayList<>();

  private final Playwright playwright;
  private final Browser browser;
  private volatile boolean closed;

  private PlaywrightWorker(Harness harness) {
    // Playwright cannot download browsers here; it drives the Chromium the locator found.
    this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(harness.browser.executable())
          .setHeadless(harness.config.headless)
          .setSlowMo(harness.config.slowMo)
          // Keep Chromium's own pop-up blocker on, as in a user's browser: a window.open without a user gesture is
          // blocked by the browser itself, which is what the pop-up scenarios rely on.
          .setIgnoreDefaultArgs(List.of("--disable-popup-blocking"))
          // This machine has no internet: stop Chromium from trying to reach Google's services.
          .setArgs(List.of("--disable-quic", "--disable-background-networking", "--disable-component-update",
              "--no-first-run", "--disable-sync", "--disable-gpu")));
    } catch (RuntimeException e) {
      playwright.close();
      throw new IllegalStateException("Chromium at " + harness.browser.executable() + " (" + harness.browser.how()
          + ") did not start: " + e.getMessage().lines().findFirst().orElse("") + ". Name another with -Dbrowser.executable=...", e);
    }
  }

  public static PlaywrightWorker current(Harness harness) {
    PlaywrightWorker worker = CURRENT.get();
    if (worker == null || worker.closed) {
      worker = new PlaywrightWorker(harness);
      CURRENT.set(worker);
      ALL.add(worker);
    }
    return worker;
  }

  public Browser browser() {
    return browser;
  }

  public static void closeAll() {
    for (PlaywrightWorker w : ALL) {
      w.closed = true;
      w.playwright.close();
    }
    ALL.clear();
  }
}
