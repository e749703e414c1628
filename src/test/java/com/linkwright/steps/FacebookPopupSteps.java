package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.linkwright.pages.meta.FacebookEditSettingsPage;
import com.linkwright.pages.meta.FacebookLoginPage;
import com.microsoft.playwright.Page;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** The Facebook pop-up itself: it opens over the dashboard (or the browser blocks it), its sign-in, and closing it early. */
public class FacebookPopupSteps {
  private final BrowserSession session;
  private final ScenarioState state;
  private final FacebookPopup facebookPopup;
  private final SocialAccountsPage socialAccounts;
  private final List<Page> windowsOpened = new CopyOnWriteArrayList<>();

  public FacebookPopupSteps(BrowserSession session, ScenarioState state, FacebookPopup facebookPopup) {
    this.session = session;
    this.state = state;
    this.facebookPopup = facebookPopup;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  @Then("a Facebook sign-in pops up while the dashboard stays open behind it")
  public void facebookPopsUp() {
    Page popup = facebookPopup.window();
    assertThat(popup).hasURL(FacebookLoginPage.dialogUrl(session.harness().facebookUrl()));
    assertThat(session.page()).hasURL(Pattern.compile("/social-accounts(\\?connect=instagram)?$"));
    assertThat(socialAccounts.popupStatus()).containsText("Waiting for Facebook");
    assertThat(socialAccounts.popupBlocked()).isHidden();
    assertThat(session.page().context().pages()).hasSize(2);
  }

  @When("I authenticate through Facebook")
  public void authenticateThroughFacebook() {
    FacebookLoginPage login = new FacebookLoginPage(facebookPopup.window(), session.harness().facebookUrl()).expectShown();
    login.fill(state.facebook().email(), state.facebook().password());
    session.attachScreenshot("First Time Instagram Linking");
    login.clickLogIn();
    new FacebookEditSettingsPage(facebookPopup.window()).expectShown(state.facebook().name());
  }

  @Then("Facebook skips the login and greets me as someone who connected before")
  public void facebookSkipsLogin() {
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(facebookPopup.window()).expectShown(state.facebook().name());
    assertThat(edit.returningGreeting()).isVisible();
    assertThat(new FacebookLoginPage(facebookPopup.window(), session.harness().facebookUrl()).heading()).not().isAttached();
  }

  @When("I close the Facebook window before finishing")
  public void closeFacebookWindow() {
    facebookPopup.window().close();
    session.lookAt(session.page());
  }

  @Then("the Instagram icon opens the Facebook sign-in again")
  public void iconOpensFacebookAgain() {
    Page popup = session.page().waitForPopup(socialAccounts::clickInstagramIcon);
    session.lookAt(popup);
    facebookPopsUp();
  }

  @When("I open a {string} link to the Social Accounts page")
  public void openDeepLink(String what) {
    // every window the browser opens from here on is counted: the browser's pop-up blocker should let none through
    session.page().context().onPage(windowsOpened::add);
    session.page().navigate("/social-accounts?connect=instagram");
  }

  @Then("the browser blocks the Facebook pop-up and the dashboard tells me to allow pop-ups for this site")
  public void popupBlockedAndToldSo() {
    assertThat(socialAccounts.popupBlocked()).isVisible();
    assertThat(socialAccounts.popupBlocked()).containsText("allow pop-ups for this site");
    assertThat(windowsOpened).as("windows the browser opened").isEmpty();
    assertThat(session.page().context().pages()).as("the browser's tabs and windows").hasSize(1);
    session.attachScreenshot("Pop-ups are blocked");
  }

  @When("I click Continue with Facebook")
  public void continueWithFacebook() {
    Page popup = session.page().waitForPopup(socialAccounts::continueWithFacebook);
    session.lookAt(popup);
  }
}
