package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.linkwright.flows.dashboard.DashboardShortcuts;
import com.linkwright.flows.meta.StubbedMeta;
import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.meta.InstagramAppsAndWebsitesPage;
import com.linkwright.pages.meta.InstagramLoginPage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Account types and relinking: the reset tip, "400: Session Invalid", a revoked token, linking the same account again. */
public class RelinkSteps {
  private final BrowserSession session;
  private final ScenarioState state;
  private final StubbedMeta meta;
  private final SocialAccountsPage socialAccounts;

  public RelinkSteps(BrowserSession session, ScenarioState state, StubbedMeta meta) {
    this.session = session;
    this.state = state;
    this.meta = meta;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  /** The same flow once more, through its requests: the first pass in the scenario showed its screens. */
  @When("I link my Instagram account again")
  public void linkAgain() {
    DashboardShortcuts.of(session).linkInstagram(state.instagram().username(), state.instagram().password());
    socialAccounts.open();
  }

  @Then("I am told that Instagram reports my account as a {word} account, not a Business or Creator one")
  public void toldReportedAs(String reported) {
    assertThat(socialAccounts.notice()).containsText("Your Instagram account isn't a Business or Creator account");
    assertThat(socialAccounts.notice()).containsText("@" + state.instagram().username() + " is a " + reported + " account");
  }

  @Then("I am given the tip to switch my Instagram back to Personal and then back to Creator or Business")
  public void givenResetTip() {
    assertThat(socialAccounts.notice()).containsText(
        "If you do have a Business or Creator account, try switching your Instagram back to Personal and then back to Creator or Business.");
    session.attachScreenshot("Account type reported stale: the guide's reset tip");
  }

  @When("I switch my Instagram account to Personal and back to {word}")
  public void switchToPersonalAndBack(String type) {
    // done in the Instagram mobile app, which the harness does not draw: the stub's account changes as the app would
    meta.switchAccountType(state.instagram(), "Personal");
    meta.switchAccountType(state.instagram(), GuideWords.metaSpelling(type));
  }

  @Then("I am told {string} with the documented ways out")
  public void toldSessionInvalid(String title) {
    assertThat(socialAccounts.notice()).containsText(title);
    assertThat(socialAccounts.notice()).containsText("has already authorized Linkwright Dashboard");
    assertThat(socialAccounts.notice()).containsText(
        "go to Your app and media → Website permissions → Apps and websites and click Remove next to Linkwright Dashboard");
    assertThat(socialAccounts.notice()).containsText("If it is a business account and that does not help, turn off Instagram Login");
    assertThat(socialAccounts.notice()).containsText("link through the Facebook Page connected to your Instagram account");
    socialAccounts.expectNotLinked();
    session.attachScreenshot("400: Session Invalid, with the ways out");
  }

  @When("I remove {string} under Apps and websites in my Instagram settings")
  public void removeUnderAppsAndWebsites(String app) {
    socialAccounts.followNoticeLink("open Apps and websites on Instagram");
    InstagramAppsAndWebsitesPage apps = new InstagramAppsAndWebsitesPage(session.page()).expectShown(state.instagram().username());
    session.attachScreenshot("Instagram: Apps and websites");
    apps.remove(app);
    session.attachScreenshot("Instagram: app removed");
  }

  @When("Instagram revokes the dashboard's access")
  public void instagramRevokes() {
    meta.revokeAccess(state.instagram());
  }

  @Then("my Social Accounts page shows my Instagram account as needing to be relinked")
  public void showsNeedsRelinking() {
    socialAccounts.open().expectNeedsRelinking(state.instagram().username());
    session.attachScreenshot("Needs to be relinked");
  }

  @When("I click Relink on my Instagram account")
  public void clickRelink() {
    if (!state.instagramLogin()) {
      // Instagram Login is off: relinking goes through the Facebook pop-up, like linking
      session.lookAt(session.page().waitForPopup(socialAccounts::relinkInstagram));
      return;
    }
    socialAccounts.relinkInstagram();
    new InstagramLoginPage(session.page(), session.harness().instagramUrl()).expectShown();
  }

  @Then("I am told that my Instagram account was relinked")
  public void toldRelinked() {
    assertThat(socialAccounts.notice()).containsText("Instagram relinked");
    assertThat(socialAccounts.notice()).containsText("@" + state.postingTo() + " was already linked");
  }

  @Then("my Social Accounts page shows my Instagram account linked once, as a {word} account")
  public void linkedOnce(String type) {
    socialAccounts.expectLinked(state.postingTo(), type);
    assertThat(socialAccounts.listedAccounts()).hasCount(1);
    session.attachScreenshot("Relinked, listed once");
  }
}
