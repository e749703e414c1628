package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.meta.InstagramLoginPage;
import com.linkwright.pages.meta.InstagramPermissionsPage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

/** Instagram's side of the direct flow: its login form and its permissions screen. */
public class InstagramSteps {
  private final BrowserSession session;
  private final ScenarioState state;

  public InstagramSteps(BrowserSession session, ScenarioState state) {
    this.session = session;
    this.state = state;
  }

  private InstagramLoginPage loginPage() {
    return new InstagramLoginPage(session.activePage(), session.harness().instagramUrl());
  }

  private InstagramPermissionsPage permissionsPage() {
    return new InstagramPermissionsPage(session.activePage());
  }

  @When("I input my credentials and click Log in")
  public void inputCredentialsAndLogIn() {
    InstagramLoginPage login = loginPage().expectShown();
    login.fill(state.instagram().username(), state.instagram().password());
    session.attachScreenshot("Instagram Login");
    login.clickLogIn();
    permissionsPage().expectShown(state.instagram().username());
  }

  @When("I input a wrong password and click Log in")
  public void inputWrongPassword() {
    InstagramLoginPage login = loginPage().expectShown();
    login.logIn(state.instagram().username(), "not-my-password");
    assertThat(login.error()).isVisible();
  }

  @Then("Instagram tells me that my password was incorrect")
  public void passwordIncorrect() {
    assertThat(loginPage().error()).containsText("Sorry, your password was incorrect.");
  }

  @When("I toggle on all permissions for Instagram and click Allow")
  public void toggleOnAllAndAllow() {
    toggleOnAllAndClickAllow();
    backOnTheDashboard();
  }

  @When("I click Cancel on the Instagram permissions")
  public void cancel() {
    permissionsPage().cancel();
    backOnTheDashboard();
  }

  private void toggleOnAllAndClickAllow() {
    InstagramPermissionsPage permissions = permissionsPage();
    permissions.toggleOnAll();
    session.attachScreenshot("Instagram Permissions");
    permissions.allow();
  }

  private void backOnTheDashboard() {
    assertThat(new SocialAccountsPage(session.activePage()).heading()).isVisible();
  }

  @When("Instagram's answer comes back with a state the dashboard did not send")
  public void answerWithForeignState() {
    // Take Instagram's real redirect back to the dashboard out of the browser's hands, then deliver it with a state
    // the dashboard did not send, as a forged link or a login-CSRF attempt would: the nearest one, the dashboard's own
    // with its last character changed, so that a check of the state's beginning only does not pass.
    AtomicReference<String> redirect = new AtomicReference<>();
    Page page = session.activePage();
    page.route("**/oauth/authorize/consent", route -> {
      APIResponse response = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
      redirect.set(response.headers().get("location"));
      route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html")
          .setBody("<p>Redirect held back by the test</p>"));
    });
    toggleOnAllAndClickAllow();
    assertThat(page.getByText("Redirect held back by the test")).isVisible();
    page.unrouteAll();
    String location = redirect.get();
    if (location == null || !location.contains("code=")) {
      throw new IllegalStateException("Instagram did not redirect back with a code: " + location);
    }
    page.navigate(ForgedAnswers.withLastCharacterOfStateChanged(location));
  }

  @When("Instagram's earlier answer is brought back to the dashboard as it was")
  public void replayEarlierAnswer() {
    // the very redirect Instagram sent earlier in this scenario, code and state unchanged: its state is spent
    String earlier = session.callbackUrls().stream().filter(u -> u.contains("code=")).findFirst()
        .orElseThrow(() -> new IllegalStateException("No earlier callback with a code in this scenario"));
    session.activePage().navigate(earlier);
  }

  @When("the earlier authorization code is brought back to the dashboard")
  public void replayEarlierCode() {
    List<String> callbacks = session.callbackUrls();
    String earlier = callbacks.stream().filter(u -> u.contains("code=")).findFirst()
        .orElseThrow(() -> new IllegalStateException("No earlier callback with a code in this scenario"));
    // The dashboard is waiting for a fresh answer (it is on Instagram's login page now): give it the old code with
    // the state it does expect, so only Instagram's one-time rule can stop it.
    String currentState = URI.create(session.activePage().url()).getQuery().replaceAll(".*(?:^|&)state=([^&]+).*", "$1");
    session.activePage().navigate(earlier.replaceAll("state=[^&#]+", "state=" + currentState));
  }

}
