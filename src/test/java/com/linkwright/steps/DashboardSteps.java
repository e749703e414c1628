package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.InstagramLoginPage;
import com.linkwright.pages.SettingsPage;
import com.linkwright.pages.SignInPage;
import com.linkwright.pages.SocialAccountsPage;
import com.microsoft.playwright.Page;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The dashboard's side: signing in, the Social Accounts page, Settings. */
public class DashboardSteps {
  private final BrowserSession session;
  private final Accounts accounts;
  private final SocialAccountsPage socialAccounts;

  public DashboardSteps(BrowserSession session, Accounts accounts) {
    this.session = session;
    this.accounts = accounts;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  @Given("I am signed in to the dashboard as a new user")
  public void signedInAsNewUser() {
    new SignInPage(session.page()).signInQuickly(accounts.newDashboardUser());
  }

  @When("{string} is switched {onOff} in Settings")
  public void settingSwitched(String setting, boolean on) {
    requireKnownSetting(setting);
    new SettingsPage(session.page()).open().switchInstagramLogin(on);
    accounts.instagramLogin(on);
  }

  /** The same setting as a precondition: saved with the Settings form's request, without drawing the page. */
  @Given("my {string} setting is {onOff}")
  public void settingIs(String setting, boolean on) {
    requireKnownSetting(setting);
    new SettingsPage(session.page()).saveInstagramLoginQuickly(on);
    accounts.instagramLogin(on);
  }

  private static void requireKnownSetting(String setting) {
    if (!"Instagram Login".equals(setting)) {
      throw new IllegalArgumentException("The dashboard has no setting '" + setting + "'; it has: \"Instagram Login\"");
    }
  }

  @When("I click the Instagram icon on the Social Accounts page")
  public void clickInstagramIcon() {
    if (!accounts.instagramLogin()) {
      // the Facebook flow: the sign-in pops up over the dashboard, and the following steps happen in it
      socialAccounts.openUnlessShown();
      // nothing was blocked yet, so nothing says so
      assertThat(socialAccounts.popupBlocked()).isHidden();
      Page popup = session.page().waitForPopup(socialAccounts::clickInstagramIcon);
      session.attachScreenshot("Click To Link Instagram");
      session.lookAt(popup);
      return;
    }
    socialAccounts.openUnlessShown().clickInstagramIcon();
    new InstagramLoginPage(session.page(), session.harness().instagramUrl()).expectShown();
    session.attachScreenshot("Click To Link Instagram");
  }

  @Then("my Social Accounts page is updated with my Instagram account, shown as a {word} account")
  public void updatedWithMyAccount(String accountType) {
    socialAccounts.expectLinked(accounts.instagram().username(), accountType);
    assertThat(socialAccounts.confirmationSaying("is now linked")).containsText("@" + accounts.instagram().username() + " is now linked");
    // linked directly: not through a Page, and nothing to warn about
    assertThat(socialAccounts.instagramCard()).not().containsText("via Facebook Page");
    assertThat(socialAccounts.alerts()).hasCount(0);
    session.attachScreenshot("Confirmation");
  }

  @Then("I am told that my account isn't a Business or Creator account")
  public void toldNotProfessional() {
    var refusal = socialAccounts.alertSaying("Your Instagram account isn't a Business or Creator account");
    assertThat(refusal).containsText("@" + accounts.instagram().username() + " is a "
        + Accounts.shownAs(accounts.instagram().accountType()) + " account");
  }

  @Then("I am shown how to switch from a Personal to a Business or Creator account")
  public void shownHowToSwitch() {
    assertThat(socialAccounts.notice()).containsText("Settings and activity");
    assertThat(socialAccounts.notice()).containsText("For professionals");
    assertThat(socialAccounts.notice()).containsText("Switch to professional account");
    session.attachScreenshot("Switching from a Personal to Business or Creator Account");
  }

  @Then("no Instagram account is linked")
  public void noInstagramLinked() {
    socialAccounts.expectNotLinked();
  }

  @Then("I am told that I cancelled and nothing was linked")
  public void toldCancelled() {
    assertThat(socialAccounts.notice()).containsText("You cancelled on Instagram, so nothing was linked");
    socialAccounts.expectNotLinked();
  }

  @Then("the dashboard refuses Instagram's answer and nothing is linked")
  public void answerRefused() {
    assertThat(socialAccounts.notice()).containsText("did not match a linking request from this browser");
    socialAccounts.expectNotLinked();
  }

  @Then("I am told that Instagram answered {string}")
  public void toldInstagramAnswered(String answer) {
    assertThat(socialAccounts.notice()).containsText("Instagram answered: " + answer);
  }

  @Then("none of the names ran as code on any page")
  public void noNameRanAsCode() {
    assertThat(session.injectedScriptsRan()).as("pages on which a name's markup ran as code").isEmpty();
  }

  @When("I unlink my Instagram account")
  public void unlink() {
    socialAccounts.unlinkInstagram();
    String who = accounts.hasInstagramPersona() ? "@" + accounts.instagram().username() + " " : "";
    assertThat(socialAccounts.notice()).containsText(who + "is no longer linked");
  }
}
