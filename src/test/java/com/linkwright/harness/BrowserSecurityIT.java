package com.linkwright.harness;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.flows.dashboard.DashboardShortcuts;
import com.linkwright.pages.dashboard.SignInPage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only a real browser shows about the dashboard's defences: the headers Chromium itself sends with a cross-site
 * form post (login CSRF from a page on the stubs' origin), that the dashboard's own sign-in and sign-out forms pass
 * the same checks and its Content-Security-Policy, and that the harness's CSP watch catches a violation. Runs inside
 * the feature suite, on its harness.
 */
@ExtendWith(SharedHarness.class)
public class BrowserSecurityIT {
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Test
  void aPageOnAnotherOriginCannotSignMeInToAWorkspaceOfItsChoosing(Harness harness) {
    inAFreshContext(harness, (context, csp) -> {
      Page page = context.newPage();
      String victim = "Victim " + System.nanoTime();
      shortcuts(context, harness).signIn(victim);
      // the attacker read the sign-in page in a browser of their own: a token that is good, but not for this browser
      String attackersToken = token(context.browser(), harness);
      String forgedPage = harness.facebookUrl() + "/linkwright-test/login-csrf?action=" + enc(harness.appUrl + "/signin")
          + "&token=" + enc(attackersToken);
      Response signIn = page.waitForResponse(r -> r.url().equals(harness.appUrl + "/signin") && "POST".equals(r.request().method()),
          () -> page.navigate(forgedPage));
      assertThat(signIn.request().headerValue("sec-fetch-site")).isEqualTo("cross-site");
      assertThat(signIn.request().headerValue("origin")).isEqualTo(harness.facebookUrl().toString());
      assertThat(signIn.status()).isEqualTo(403);
      assertThat(page.getByRole(AriaRole.ALERT)).containsText("did not come from the dashboard's own sign-in page");
      SocialAccountsPage accounts = new SocialAccountsPage(page).open();
      assertThat(page.getByText("Signed in as " + victim, new Page.GetByTextOptions().setExact(true))).isVisible();
      assertThat(accounts.heading()).isVisible();
      csp.assertNone();
    });
  }

  @Test
  void theSignInAndSignOutFormsWorkInTheBrowserWithinTheirPolicy(Harness harness) {
    inAFreshContext(harness, (context, csp) -> {
      Page page = context.newPage();
      Response signIn = page.waitForResponse(r -> r.url().equals(harness.appUrl + "/signin") && "POST".equals(r.request().method()),
          () -> new SignInPage(page).signInAs("Ada " + System.nanoTime()));
      assertThat(signIn.request().headerValue("sec-fetch-site")).isEqualTo("same-origin");
      assertThat(signIn.request().headerValue("origin")).isEqualTo(harness.appUrl.toString());
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
      assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
      page.navigate("/social-accounts");
      assertThat(page.getByLabel("Your name")).isVisible();
      csp.assertNone();
    });
  }

  @Test
  void theWatchCatchesAnInlineScriptThatThePolicyBlocks(Harness harness) {
    inAFreshContext(harness, (context, csp) -> {
      Page page = context.newPage();
      shortcuts(context, harness).signIn("QA csp " + System.nanoTime());
      new SocialAccountsPage(page).open();
      assertThat(csp.seen()).isEmpty();
      Object ran = page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
          + " document.body.append(s); return window.inlineRan === true; }");
      assertThat(ran).as("the inline script ran").isEqualTo(false);
      page.waitForCondition(() -> !csp.seen().isEmpty());
      assertThat(csp.seen()).singleElement().asString()
          .startsWith(harness.appUrl + "/social-accounts: script-src-elem blocked inline");
      try {
        csp.assertNone();
        throw new IllegalStateException("assertNone let a violation through");
      } catch (AssertionError expected) {
        assertThat(expected).hasMessageContaining("broke its own Content-Security-Policy");
      }
    });
  }

  private interface InContext {
    void run(BrowserContext context, CspViolations csp);
  }

  private static void inAFreshContext(Harness harness, InContext test) {
    PlaywrightWorker worker = harness.borrowBrowser();
    try (BrowserContext context = worker.browser().newContext(new Browser.NewContextOptions().setBaseURL(harness.appUrl.toString()))) {
      context.setDefaultTimeout(harness.config.timeout);
      test.run(context, CspViolations.watch(context, harness.appUrl));
    } finally {
      harness.giveBack(worker);
    }
  }

  /** A sign-in token from a visit of the sign-in page in another context: another browser's. */
  private static String token(Browser browser, Harness harness) {
    try (BrowserContext elsewhere = browser.newContext(new Browser.NewContextOptions().setBaseURL(harness.appUrl.toString()))) {
      Matcher m = FORM_TOKEN.matcher(elsewhere.request().get("/signin").text());
      assertThat(m.find()).as("a token on the sign-in page").isTrue();
      return m.group(1);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static DashboardShortcuts shortcuts(BrowserContext context, Harness harness) {
    return new DashboardShortcuts(context.request(), harness.instagramUrl(), harness.facebookUrl());
  }
}
