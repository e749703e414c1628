package com.linkwright.harness;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether a browser's own pop-up blocker is on, found out the way a page would: a page that opens a window as it
 * loads, with no user gesture, gets none (null) when the blocker is on. Nothing is stubbed but the page itself,
 * fulfilled by Playwright on a name that never reaches a network. Asked once per browser. The scenarios that rely on
 * the blocker (tagged {@code @popup-blocker}, and PopupBlockerIT) fail with {@link #untrusted} when it is off rather
 * than pass or fail for the wrong reason: a remote end may drop the options that keep it on.
 */
public final class PopupBlocker {
  private static final String PROBE = "http://popup-blocker-probe.linkwright.invalid/";
  private static final Map<Browser, Boolean> ON = new WeakHashMap<>();

  private PopupBlocker() {}

  public static synchronized boolean isOn(Browser browser) {
    return ON.computeIfAbsent(browser, PopupBlocker::probe);
  }

  private static boolean probe(Browser browser) {
    try (BrowserContext context = browser.newContext()) {
      context.route(PROBE, route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
          .setContentType("text/html")
          .setBody("<script>window.opened = window.open('about:blank', '_blank') !== null;</script>")));
      Page page = context.newPage();
      page.navigate(PROBE);
      return !Boolean.TRUE.equals(page.evaluate("() => window.opened"));
    }
  }

  /** Why a scenario that needs the blocker cannot be trusted with this run's browser, and what to do. */
  public static String untrusted(HarnessConfig config) {
    String why;
    if (!config.browserConnect.isEmpty()) {
      why = "the Playwright browser server at " + config.browserConnect + " dropped the launch option that keeps it on "
          + "(ignoreDefaultArgs): a stock `playwright run-server` takes only safe options from its clients. Start it "
          + "with --unsafe (./mvnw -q test-compile exec:java@browser-server does)";
    } else if (!config.browserGrid.isEmpty()) {
      why = "the Selenium Grid at " + config.browserGrid + " started Chromium with " + BrowserProvider.POPUP_BLOCKING_OFF
          + " (its node's own capabilities?)";
    } else {
      why = "Chromium was launched with " + BrowserProvider.POPUP_BLOCKING_OFF;
    }
    return "Chromium's own pop-up blocker is OFF in this run's browser: " + why + ". What relies on it (the scenarios "
        + "tagged @popup-blocker, and PopupBlockerIT) cannot be trusted here, so it fails instead of passing.";
  }
}
