package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.linkwright.pages.meta.FacebookEditSettingsPage;
import com.linkwright.pages.meta.FacebookInstagramAccountsPage;
import com.linkwright.pages.meta.FacebookPagesPage;
import com.linkwright.pages.meta.FacebookPermissionsPage;
import com.microsoft.playwright.Page;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Facebook's dialog in the pop-up after the sign-in: Edit Settings, the Instagram accounts, the Pages, the permissions. */
public class FacebookDialogSteps {
  private final BrowserSession session;
  private final ScenarioState state;
  private final FacebookPopup facebookPopup;
  private final SocialAccountsPage socialAccounts;

  public FacebookDialogSteps(BrowserSession session, ScenarioState state, FacebookPopup facebookPopup) {
    this.session = session;
    this.state = state;
    this.facebookPopup = facebookPopup;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  @When("I click Edit Settings")
  public void clickEditSettings() {
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(facebookPopup.window()).expectShown(state.facebook().name());
    session.attachScreenshot("Edit Instagram Settings");
    edit.clickEditSettings();
    new FacebookInstagramAccountsPage(facebookPopup.window()).expectShown();
  }

  @When("I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next")
  public void checkAllInstagramAccounts() {
    FacebookInstagramAccountsPage igAccounts = new FacebookInstagramAccountsPage(facebookPopup.window()).expectShown();
    igAccounts.checkAll();
    session.attachScreenshot("Authorize Instagram Business or Creator Accounts");
    igAccounts.clickNext();
    new FacebookPagesPage(facebookPopup.window()).expectShown();
  }

  @When("I check all Facebook Pages and click Next")
  public void checkAllPages() {
    FacebookPagesPage pages = new FacebookPagesPage(facebookPopup.window()).expectShown();
    pages.checkAll();
    session.attachScreenshot("Select Facebook Pages");
    pages.clickNext();
    new FacebookPermissionsPage(facebookPopup.window()).expectShown();
  }

  @When("I turn all permissions to Yes and click Done")
  public void allPermissionsYesAndDone() {
    answerPermissionsAndClickDone(FacebookPermissionsPage::turnAllToYes);
  }

  @When("I turn {string} and {string} to No, the other permissions to Yes, and click Done")
  public void twoPermissionsNoAndDone(String permission, String another) {
    answerPermissionsAndClickDone(p -> {
      p.turnAllToYes();
      p.turn(permission, false);
      p.turn(another, false);
    });
  }

  /** Done ends the dialog: the pop-up reports back to the dashboard and closes; the dashboard takes over. */
  private void answerPermissionsAndClickDone(Consumer<FacebookPermissionsPage> answer) {
    Page popup = facebookPopup.window();
    FacebookPermissionsPage permissions = new FacebookPermissionsPage(popup).expectShown();
    answer.accept(permissions);
    session.attachScreenshot("Enable Permissions");
    popup.waitForClose(permissions::clickDone);
    session.lookAt(session.page());
  }

  @When("I click Cancel on Facebook")
  public void cancelOnFacebook() {
    Page popup = facebookPopup.window();
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(popup).expectShown(state.facebook().name());
    popup.waitForClose(edit::cancel);
    session.lookAt(session.page());
  }

  @When("I ask again for the missing permissions")
  public void askAgain() {
    Page popup = session.page().waitForPopup(socialAccounts::askAgainForMissingPermissions);
    session.lookAt(popup);
  }

  @Then("Facebook asks me again for the permissions I declined, without asking me to log in")
  public void facebookAsksAgain() {
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(facebookPopup.window()).expectShown(state.facebook().name());
    assertThat(edit.askingAgainNote()).isVisible();
    assertThat(facebookPopup.window()).hasURL(Pattern.compile("[?&]auth_type=rerequest(&|$)"));
  }
}
