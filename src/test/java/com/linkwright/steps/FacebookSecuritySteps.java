package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.flows.meta.StubbedMeta;
import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.dashboard.InstagramAccountChoicePage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.linkwright.pages.meta.FacebookLoginPage;
import com.linkwright.pages.meta.FacebookPermissionsPage;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** Facebook's answer tampered with: a state the dashboard did not send, messages from other origins, a choice not offered. */
public class FacebookSecuritySteps {
  private final BrowserSession session;
  private final ScenarioState state;
  private final FacebookPopup facebookPopup;
  private final StubbedMeta meta;
  private final SocialAccountsPage socialAccounts;
  private static final String FORGED_MESSAGE = "/linkwright-test/forged-message";

  public FacebookSecuritySteps(BrowserSession session, ScenarioState state, FacebookPopup facebookPopup, StubbedMeta meta) {
    this.session = session;
    this.state = state;
    this.facebookPopup = facebookPopup;
    this.meta = meta;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  @When("Facebook's answer comes back to the pop-up with a state the dashboard did not send")
  public void answerWithForeignState() {
    // Facebook's real redirect back, with the state swapped for one of someone else's making, as a forged link or a
    // login-CSRF attempt would bring it: the pop-up follows it to the dashboard's callback like any redirect.
    Page popup = facebookPopup.window();
    AtomicReference<String> redirect = new AtomicReference<>();
    popup.route("**/dialog/oauth/permissions", route -> {
      APIResponse response = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
      String location = response.headers().get("location");
      redirect.set(location);
      // the nearest state the dashboard did not send: its own, with the last character changed
      route.fulfill(new Route.FulfillOptions().setStatus(302)
          .setHeaders(Map.of("Location", location == null ? "" : ForgedAnswers.withLastCharacterOfStateChanged(location))));
    });
    FacebookPermissionsPage permissions = new FacebookPermissionsPage(popup).expectShown();
    permissions.turnAllToYes();
    popup.waitForClose(permissions::clickDone);
    session.lookAt(session.page());
    assertThat(redirect.get()).as("Facebook's redirect back").contains("code=");
  }

  @Then("the dashboard refuses Facebook's answer and nothing is linked")
  public void answerRefused() {
    assertThat(socialAccounts.noticeSaying("did not match a linking request from this browser")).isVisible();
    socialAccounts.expectNotLinked();
  }

  @When("^a page (from another origin|on the dashboard's host name but another port), loaded in the Facebook window, "
      + "tells the dashboard that the login finished$")
  public void foreignPageSendsMessage(String where) {
    Page popup = facebookPopup.window();
    if (!popup.url().contains(FORGED_MESSAGE)) {
      new FacebookLoginPage(popup, session.harness().facebookUrl()).expectShown();
    }
    URI facebook = session.harness().facebookUrl();
    // the stubbed Facebook's own origin; or the same server under the dashboard's host name: only the port differs
    String foreignOrigin = where.startsWith("from") ? facebook.toString()
        : "http://" + session.harness().appUrl.getHost() + ":" + facebook.getPort();
    // the dashboard logs each message it refuses: wait for that rather than for time to pass
    try {
      session.page().waitForConsoleMessage(new Page.WaitForConsoleMessageOptions()
              .setPredicate(m -> m.text().startsWith("Ignored a message from " + foreignOrigin))
              .setTimeout(session.harness().config.expectTimeout),
          // the window goes there by itself, as a redirect or a link would take it (a navigation the browser starts,
          // as from its address bar, may sever the window from the dashboard that opened it)
          () -> popup.evaluate("url => location.assign(url)", foreignOrigin + FORGED_MESSAGE));
    } catch (TimeoutError e) {
      throw new AssertionError("The dashboard did not refuse the message from " + foreignOrigin + " (no \"Ignored a message\" "
          + "warning in its console); it is now at " + session.page().url() + " and says: "
          + session.page().locator("main").innerText().replaceAll("\\s+", " "), e);
    }
    assertThat(popup.getByText("Forged message sent to the window that opened me.")).isVisible();
  }

  @When("a page of the dashboard's own origin sends it messages that are not the callback's")
  public void ownOriginSendsOtherMessages() {
    // Messages of the right origin but another shape, then a probe: messages are handled in the order they were sent,
    // so once the probe arrives the dashboard has made up its mind about every one before it.
    session.page().evaluate("""
        () => new Promise((resolve) => {
          const probe = "linkwright-test:probe";
          window.addEventListener("message", function seen(event) {
            if (event.data === probe) {
              window.removeEventListener("message", seen);
              resolve();
            }
          });
          [{ type: "linkwright:facebook-login", outcome: "cancelled" }, { type: "linkwright:something-else", outcome: "finished" },
            { outcome: "finished" }, "linkwright:facebook-login", null].forEach((m) => window.postMessage(m, location.origin));
          window.postMessage(probe, location.origin);
        })""");
  }

  @Then("the dashboard ignores the message(s): it still waits for Facebook and nothing is linked")
  public void messageIgnored() {
    assertThat(socialAccounts.popupStatus()).containsText("Waiting for Facebook");
    assertThat(session.page()).hasURL(Pattern.compile("/social-accounts$"));
    socialAccounts.expectNotLinked();
  }

  @When("I select the Instagram account {string} of another Facebook user, by changing the choice in the page")
  public void selectAccountNotOffered(String username) {
    String id = meta.instagramIdOfAnyFacebookPersona(username);
    assertThat(state.facebook().instagramAccount(id)).as("@" + username + " is not one of " + state.facebook().handle() + "'s").isEmpty();
    new InstagramAccountChoicePage(session.page()).expectShown().selectTamperedWith(id);
  }

  @Then("I am told that the account was not among those Facebook offered, and nothing is linked")
  public void toldNotOffered() {
    assertThat(socialAccounts.alertSaying("That Instagram account was not among those Facebook offered")).isVisible();
    socialAccounts.expectNotLinked();
  }
}
