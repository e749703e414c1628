package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.dashboard.InstagramAccountChoicePage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.linkwright.stubs.FacebookPersona;
import com.microsoft.playwright.Page;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** What the dashboard behind the pop-up does with Facebook's answer: the account to select, the link, each refusal. */
public class FacebookOutcomeSteps {
  private final BrowserSession session;
  private final ScenarioState state;
  private final SocialAccountsPage socialAccounts;

  public FacebookOutcomeSteps(BrowserSession session, ScenarioState state) {
    this.session = session;
    this.state = state;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  @When("I select the specific Instagram account {string} to link")
  public void selectAccount(String username) {
    InstagramAccountChoicePage choice = new InstagramAccountChoicePage(session.page()).expectShown();
    choice.select(username);
    session.attachScreenshot("Select the Instagram account to link");
    choice.link();
    // what this scenario posts to from now on, if it posts
    state.facebook().pages().stream().map(FacebookPersona.Page::instagram)
        .filter(ig -> ig != null && ig.username().equals(username)).findFirst().ifPresent(state::linkedThroughFacebook);
  }

  @Then("I am asked to select a specific Instagram account to link, one of:")
  public void askedToSelectOneOf(List<String> usernames) {
    InstagramAccountChoicePage choice = new InstagramAccountChoicePage(session.page()).expectShown();
    assertThat(choice.options()).hasCount(usernames.size());
    usernames.forEach(u -> assertThat(choice.option(u.replaceFirst("^@", ""))).isVisible());
  }

  @Then("my Social Accounts page is updated with my Instagram account {string}, shown as a {word} account via the Facebook Page {string}")
  public void updatedWithAccountViaPage(String username, String accountType, String facebookPage) {
    socialAccounts.expectLinkedVia(username, accountType, facebookPage);
    assertThat(socialAccounts.noticeSaying("is now linked")).containsText("@" + username + " is now linked through the Facebook Page " + facebookPage);
    session.attachScreenshot("Confirmation");
  }

  @Then("only {string} is linked, not {string}")
  public void onlyThatOneIsLinked(String linked, String other) {
    assertThat(socialAccounts.instagramCard()).containsText("@" + linked);
    assertThat(socialAccounts.instagramCard()).not().containsText("@" + other);
  }

  @Then("the dashboard tells me the Facebook window was closed and nothing was linked")
  public void toldWindowClosed() {
    assertThat(socialAccounts.popupStatus()).containsText("The Facebook window was closed before you finished, so nothing was linked");
    assertThat(socialAccounts.instagramCard()).containsText("Not linked");
  }

  @Then("I am told that I cancelled on Facebook and nothing was linked")
  public void toldCancelledOnFacebook() {
    assertThat(socialAccounts.noticeSaying("You cancelled on Facebook, so nothing was linked")).isVisible();
    socialAccounts.expectNotLinked();
  }

  @Then("the dashboard names the permissions {string} and {string} that I declined and warns that posting would fail")
  public void namesDeclinedPermissions(String permission, String another) {
    var warning = socialAccounts.alertSaying("Not all permissions were granted");
    assertThat(warning).containsText("Facebook did not grant: " + permission);
    assertThat(warning).containsText(another);
    assertThat(warning).containsText("Posting to Instagram would fail without them");
    socialAccounts.expectNotLinked();
    session.attachScreenshot("Not all permissions granted");
  }

  @Then("I am told that no Instagram account is connected to my Facebook Page {string}")
  public void toldNoInstagramOnPage(String facebookPage) {
    assertThat(socialAccounts.noticeSaying("No Instagram account is connected to your Facebook Page"))
        .containsText("None of the Facebook Pages you chose (\u201c" + facebookPage + "\u201d)");
    socialAccounts.expectNotLinked();
  }

  @Then("I am shown how to connect a Facebook Page to Instagram")
  public void shownHowToConnectPage() {
    var help = socialAccounts.noticeSaying("Connect a Facebook Page to Instagram");
    assertThat(help).containsText("Under Page Settings click \"Instagram\".");
    assertThat(help).containsText("Connected Instagram Account");
    session.attachScreenshot("Connect a Facebook Page to Instagram");
  }

  @Then("I am told that I am not an admin of the Facebook Page {string}")
  public void toldNotAdmin(String facebookPage) {
    assertThat(socialAccounts.noticeSaying("You are not an admin of the Facebook Page"))
        .containsText("You are not an admin of the Facebook Page \u201c" + facebookPage + "\u201d");
    socialAccounts.expectNotLinked();
    session.attachScreenshot("Not an admin of the Facebook Page");
  }

  @Then("I am told that personal Facebook accounts are not supported and I need a Facebook Page")
  public void toldNoPages() {
    assertThat(socialAccounts.noticeSaying("No Facebook Page to link Instagram through"))
        .containsText("personal Facebook accounts are not supported");
    socialAccounts.expectNotLinked();
  }
}
