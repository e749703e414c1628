package com.linkwright.harness;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.flows.dashboard.DashboardShortcuts;
import com.linkwright.pages.meta.FacebookLoginPage;
import com.linkwright.pages.dashboard.SettingsPage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proof for the "pop-ups blocked" scenario that the browser, not the test, blocks the Facebook pop-up: the same
 * deep link, in the same Chromium build, opens no window with Chromium's own pop-up blocker on (the browser the
 * scenarios drive) and opens the Facebook dialog with it off (Playwright's default switch --disable-popup-blocking).
 * Nothing in the page is stubbed or overridden in either run. Runs inside the feature suite, on its harness.
 */
@ExtendWith(SharedHarness.class)
public class PopupBlockerIT {

  @Test
  void chromiumsBlockerStopsTheDeepLinksPopupAndTheDashboardSaysSo(Harness harness) {
    PlaywrightWorker worker = harness.borrowBrowser();
    // inside the try: a failed check gives the browser back (with one worker, the next test waited 10 minutes for it)
    try (BrowserContext context = worker.browserWithPopupBlocker().newContext(new Browser.NewContextOptions().setBaseURL(harness.appUrl.toString()))) {
      assertThat(PopupBlocker.isOn(worker.browserWithPopupBlocker())).as(PopupBlocker.untrusted(harness.config)).isTrue();
      Page page = signedInWithInstagramLoginOff(context, harness);
      List<Page> opened = new CopyOnWriteArrayList<>();
      context.onPage(opened::add);
      page.navigate("/social-accounts?connect=instagram");
      assertThat(new SocialAccountsPage(page).popupBlocked()).isVisible();
      assertThat(opened).as("windows opened").isEmpty();
      assertThat(context.pages()).hasSize(1);
    } finally {
      harness.giveBack(worker);
    }
  }

  @Test
  void withChromiumsBlockerOffTheSameDeepLinkOpensTheFacebookPopup(Harness harness) {
    PlaywrightWorker worker = harness.borrowBrowser();
    // the same Chromium, where the run's is (here, on a Playwright server or a Grid), with Playwright's defaults (--disable-popup-blocking)
    try (BrowserProvider.Unblocked unblocked = BrowserProvider.openWithoutBlocker(worker.playwright(), harness.browser, harness.config);
         BrowserContext context = unblocked.browser().newContext(new Browser.NewContextOptions().setBaseURL(harness.appUrl.toString()))) {
      Page page = signedInWithInstagramLoginOff(context, harness);
      Page popup = context.waitForPage(() -> page.navigate("/social-accounts?connect=instagram"));
      assertThat(popup).hasURL(FacebookLoginPage.dialogUrl(harness.facebookUrl()));
      assertThat(new SocialAccountsPage(page).popupStatus()).containsText("Waiting for Facebook");
      assertThat(new SocialAccountsPage(page).popupBlocked()).isHidden();
    } finally {
      harness.giveBack(worker);
    }
  }

  private static Page signedInWithInstagramLoginOff(BrowserContext context, Harness harness) {
    Page page = context.newPage();
    new DashboardShortcuts(context.request(), harness.instagramUrl(), harness.facebookUrl())
        .signIn("QA popup-blocker " + System.nanoTime());
    new SettingsPage(page).open().switchInstagramLogin(false);
    return page;
  }
}
