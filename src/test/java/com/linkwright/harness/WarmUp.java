package com.linkwright.harness;

import com.linkwright.flows.dashboard.DashboardShortcuts;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.linkwright.stubs.InstagramPersona;
import com.linkwright.stubs.ProviderStubs;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Tracing;
import java.net.URI;

/**
 * The first scenario would otherwise pay for everything that runs for the first time: Chromium's first renderers
 * for the app's and the stub's origins, the app's and the stubs' request handling, the code exchange, Playwright's
 * request API, tracing and screenshots. Each worker's browser goes through that once while the harness starts, as
 * a throwaway user with its own persona copy, so no scenario sees it (it is over before any scenario begins).
 * Best effort: if it fails, the first scenario pays the cold costs and shows whatever is wrong.
 */
final class WarmUp {
  private WarmUp() {}

  static void run(Browser browser, URI app, ProviderStubs stubs, int timeout, boolean traceScreenshots) {
    try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.toString())
        .setViewportSize(1100, 760).setExtraHTTPHeaders(ScenarioTag.headers(ScenarioTag.WARM_UP)))) {
      // a broken app (the regression proof's faults) must not hold the start up longer than a scenario would wait
      context.setDefaultTimeout(timeout);
      context.setDefaultNavigationTimeout(timeout);
      context.tracing().start(new Tracing.StartOptions().setScreenshots(traceScreenshots).setSnapshots(true));
      Page page = context.newPage();
      DashboardShortcuts shortcuts = new DashboardShortcuts(context.request(), stubs.instagramUrl(), stubs.facebookUrl());
      shortcuts.signIn("Linkwright warm-up");
      SocialAccountsPage accounts = new SocialAccountsPage(page).open();
      accounts.clickInstagramIcon();
      page.waitForURL(stubs.instagramUrl() + "/oauth/authorize?**");
      page.screenshot();
      InstagramPersona persona = stubs.instagramPersonas().issueCopy(stubs.instagramPersonas().handles().get(0));
      shortcuts.linkInstagram(persona.username(), persona.password());
      accounts.open();
      context.tracing().stop();
    } catch (RuntimeException e) {
      System.out.println("[linkwright] warm-up skipped (the first scenario will be slower): "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
