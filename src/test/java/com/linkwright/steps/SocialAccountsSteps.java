package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.meta.InstagramLoginPage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.microsoft.playwright.Page;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** The dashboard's Social Accounts page: the Instagram icon, and what the page says after each way a link ends. */
public class SocialAccountsSteps {
  private final BrowserSession session;
  private final ScenarioState state;
  private final SocialAccountsPage socialAccounts;

  public SocialAccountsSteps(BrowserSession session, ScenarioState state) {
    this.session = session;
    this.state = state;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  @When("I click the Instagram icon on the Social Accounts page")
  public void clickInstagramIcon() {
    if (!state.instagramLogin()) {
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
    socialAccounts.expectLinked(state.instagram().username(), accountType);
    assertThat(socialAccounts.confirmationSaying("is now linked")).containsText("@" + state.instagram().username() + " is now linked");
    // linked directly: not through a Page, and nothing to warn about
    assertThat(socialAccounts.instagramCard()).not().containsText("via Facebook Page");
    assertThat(socialAccounts.alerts()).hasCount(0);
    session.attachScreenshot("Confirmation");
  }

  @Then("I am told that my account isn't a Business or Creator account")
  public void toldNotProfessional() {
    var refusal = socialAccounts.alertSaying("Your Instagram account isn't a Business or Creator account");
    assertThat(refusal).containsText("@" + state.instagram().username() + " is a "
        + GuideWords.shownAs(state.instagram().accountType()) + " account");
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
    String who = state.hasInstagramPersona() ? "@" + state.instagram().username() + " " : "";
    assertThat(socialAccounts.notice()).containsText(who + "is no longer linked");
  }
}
