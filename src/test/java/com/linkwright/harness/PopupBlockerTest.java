package com.linkwright.harness;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.pages.FacebookLoginPage;
import com.linkwright.pages.SettingsPage;
import com.linkwright.pages.SignInPage;
import com.linkwright.pages.SocialAccountsPage;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Proof for the "pop-ups blocked" scenario that the browser, not the test, blocks the Facebook pop-up: the same
 * deep link, in the same Chromium, opens no window with Chromium's own pop-up blocker on (as the suite runs it) and
 * opens the Facebook dialog with it off (Playwright's default switch --disable-popup-blocking). Nothing in the page
 * is stubbed or overridden in either run.
 */
class PopupBlockerTest {
  private final Harness harness = Harness.get();

  @Test
  void chromiumsBlockerStopsTheDeepLinksPopupAndTheDashboardSaysSo() {
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(launch().setIgnoreDefaultArgs(List.of("--disable-popup-blocking")));
      try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(harness.appUrl.toString()))) {
        Page page = signedInWithInstagramLoginOff(context);
        List<Page> opened = new CopyOnWriteArrayList<>();
        context.onPage(opened::add);
        page.navigate("/social-accounts?connect=instagram");
        assertThat(new SocialAccountsPage(page).popupBlocked()).isVisible();
        assertThat(opened).as("windows opened").isEmpty();
        assertThat(context.pages()).hasSize(1);
      }
    }
  }

  @Test
  void withChromiumsBlockerOffTheSameDeepLinkOpensTheFacebookPopup() {
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser = playwright.chromium().launch(launch()); // Playwright's defaults: --disable-popup-blocking
      try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(harness.appUrl.toString()))) {
        Page page = signedInWithInstagramLoginOff(context);
        Page popup = context.waitForPage(() -> page.navigate("/social-accounts?connect=instagram"));
        assertThat(popup).hasURL(FacebookLoginPage.dialogUrl(harness.facebookUrl()));
        assertThat(new SocialAccountsPage(page).popupStatus()).containsText("Waiting for Facebook");
        assertThat(new SocialAccountsPage(page).popupBlocked()).isHidden();
      }
    }
  }

  private BrowserType.LaunchOptions launch() {
    return new BrowserType.LaunchOptions().setExecutablePath(harness.browser.executable()).setHeadless(true)
        .setArgs(List.of("--disable-gpu", "--no-first-run", "--disable-background-networking"));
  }

  private static Page signedInWithInstagramLoginOff(BrowserContext context) {
    Page page = context.newPage();
    new SignInPage(page).signInQuickly("QA popup-blocker " + System.nanoTime());
    new SettingsPage(page).open().switchInstagramLogin(false);
    return page;
  }
}
