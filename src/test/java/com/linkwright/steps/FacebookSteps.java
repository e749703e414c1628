package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.FacebookEditSettingsPage;
import com.linkwright.pages.FacebookInstagramAccountsPage;
import com.linkwright.pages.FacebookLoginPage;
import com.linkwright.pages.FacebookPagesPage;
import com.linkwright.pages.FacebookPermissionsPage;
import com.linkwright.pages.InstagramAccountChoicePage;
import com.linkwright.pages.InstagramLoginPage;
import com.linkwright.pages.SettingsPage;
import com.linkwright.pages.SocialAccountsPage;
import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.FacebookPersonaBook;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The guide's option 2: Facebook's screens in the pop-up, and what the dashboard behind it does with the answer. */
public class FacebookSteps {
  private final BrowserSession session;
  private final Accounts accounts;
  private final SocialAccountsPage socialAccounts;
  private static final String FORGED_MESSAGE = "/linkwright-test/forged-message";
  private final List<Page> windowsOpened = new CopyOnWriteArrayList<>();

  public FacebookSteps(BrowserSession session, Accounts accounts) {
    this.session = session;
    this.accounts = accounts;
    this.socialAccounts = new SocialAccountsPage(session.page());
  }

  private Page facebookWindow() {
    Page popup = session.activePage();
    if (popup == session.page()) {
      throw new IllegalStateException("No Facebook pop-up is open: click the Instagram icon first (with Instagram Login off)");
    }
    return popup;
  }

  @Given("my Facebook account is {string}")
  public void myFacebookAccountIs(String persona) {
    accounts.useFacebookPersona(persona);
  }

  /** The whole Facebook flow as a precondition, through its requests: the scenario is about what comes after linking. */
  @Given("my Instagram account {string} is linked through the Facebook Page of my Facebook account {string}")
  public void linkedThroughFacebook(String username, String persona) {
    accounts.useFacebookPersona(persona);
    new SettingsPage(session.page()).saveInstagramLoginQuickly(false);
    accounts.instagramLogin(false);
    FacebookPersona me = accounts.facebook();
    FacebookPersona.Page page = me.pages().stream()
        .filter(p -> p.instagram() != null && p.instagram().username().equals(username)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No Page of Facebook persona '" + persona + "' has @" + username
            + " connected (fixtures/personas/facebook.json)"));
    socialAccounts.linkThroughFacebookQuickly(session.harness().facebookUrl(), me.email(), me.password(), username);
    socialAccounts.expectLinkedVia(username, Accounts.shownAs(page.instagram().accountType()), page.name());
    accounts.linkedThroughFacebook(page.instagram());
  }

  @Then("a Facebook sign-in pops up while the dashboard stays open behind it")
  public void facebookPopsUp() {
    Page popup = facebookWindow();
    assertThat(popup).hasURL(FacebookLoginPage.dialogUrl(session.harness().facebookUrl()));
    assertThat(session.page()).hasURL(Pattern.compile("/social-accounts(\\?connect=instagram)?$"));
    assertThat(socialAccounts.popupStatus()).containsText("Waiting for Facebook");
    assertThat(socialAccounts.popupBlocked()).isHidden();
    assertThat(session.page().context().pages()).hasSize(2);
  }

  @When("I authenticate through Facebook")
  public void authenticateThroughFacebook() {
    FacebookLoginPage login = new FacebookLoginPage(facebookWindow(), session.harness().facebookUrl()).expectShown();
    login.fill(accounts.facebook().email(), accounts.facebook().password());
    session.attachScreenshot("First Time Instagram Linking");
    login.clickLogIn();
    new FacebookEditSettingsPage(facebookWindow()).expectShown(accounts.facebook().name());
  }

  @When("I click Edit Settings")
  public void clickEditSettings() {
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(facebookWindow()).expectShown(accounts.facebook().name());
    session.attachScreenshot("Edit Instagram Settings");
    edit.clickEditSettings();
    new FacebookInstagramAccountsPage(facebookWindow()).expectShown();
  }

  @When("I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next")
  public void checkAllInstagramAccounts() {
    FacebookInstagramAccountsPage igAccounts = new FacebookInstagramAccountsPage(facebookWindow()).expectShown();
    igAccounts.checkAll();
    session.attachScreenshot("Authorize Instagram Business or Creator Accounts");
    igAccounts.clickNext();
    new FacebookPagesPage(facebookWindow()).expectShown();
  }

  @When("I check all Facebook Pages and click Next")
  public void checkAllPages() {
    FacebookPagesPage pages = new FacebookPagesPage(facebookWindow()).expectShown();
    pages.checkAll();
    session.attachScreenshot("Select Facebook Pages");
    pages.clickNext();
    new FacebookPermissionsPage(facebookWindow()).expectShown();
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
    Page popup = facebookWindow();
    FacebookPermissionsPage permissions = new FacebookPermissionsPage(popup).expectShown();
    answer.accept(permissions);
    session.attachScreenshot("Enable Permissions");
    popup.waitForClose(permissions::clickDone);
    session.lookAt(session.page());
  }

  @When("I select the specific Instagram account {string} to link")
  public void selectAccount(String username) {
    InstagramAccountChoicePage choice = new InstagramAccountChoicePage(session.page()).expectShown();
    choice.select(username);
    session.attachScreenshot("Select the Instagram account to link");
    choice.link();
    // what this scenario posts to from now on, if it posts
    accounts.facebook().pages().stream().map(FacebookPersona.Page::instagram)
        .filter(ig -> ig != null && ig.username().equals(username)).findFirst().ifPresent(accounts::linkedThroughFacebook);
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

  // --- the Settings switch

  @Then("Instagram's own login opens in the dashboard's window, with no pop-up")
  public void instagramLoginInSameWindow() {
    new InstagramLoginPage(session.page(), session.harness().instagramUrl()).expectShown();
    assertThat(session.page().context().pages()).hasSize(1);
  }

  // --- pop-ups blocked

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

  // --- closed, cancelled

  @When("I close the Facebook window before finishing")
  public void closeFacebookWindow() {
    facebookWindow().close();
    session.lookAt(session.page());
  }

  @Then("the dashboard tells me the Facebook window was closed and nothing was linked")
  public void toldWindowClosed() {
    assertThat(socialAccounts.popupStatus()).containsText("The Facebook window was closed before you finished, so nothing was linked");
    assertThat(socialAccounts.instagramCard()).containsText("Not linked");
  }

  @Then("the Instagram icon opens the Facebook sign-in again")
  public void iconOpensFacebookAgain() {
    Page popup = session.page().waitForPopup(socialAccounts::clickInstagramIcon);
    session.lookAt(popup);
    facebookPopsUp();
  }

  @When("I click Cancel on Facebook")
  public void cancelOnFacebook() {
    Page popup = facebookWindow();
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(popup).expectShown(accounts.facebook().name());
    popup.waitForClose(edit::cancel);
    session.lookAt(session.page());
  }

  @Then("I am told that I cancelled on Facebook and nothing was linked")
  public void toldCancelledOnFacebook() {
    assertThat(socialAccounts.noticeSaying("You cancelled on Facebook, so nothing was linked")).isVisible();
    socialAccounts.expectNotLinked();
  }

  // --- permissions declined, asked again

  @Then("the dashboard names the permissions {string} and {string} that I declined and warns that posting would fail")
  public void namesDeclinedPermissions(String permission, String another) {
    var warning = socialAccounts.alertSaying("Not all permissions were granted");
    assertThat(warning).containsText("Facebook did not grant: " + permission);
    assertThat(warning).containsText(another);
    assertThat(warning).containsText("Posting to Instagram would fail without them");
    socialAccounts.expectNotLinked();
    session.attachScreenshot("Not all permissions granted");
  }

  @When("I ask again for the missing permissions")
  public void askAgain() {
    Page popup = session.page().waitForPopup(socialAccounts::askAgainForMissingPermissions);
    session.lookAt(popup);
  }

  @Then("Facebook asks me again for the permissions I declined, without asking me to log in")
  public void facebookAsksAgain() {
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(facebookWindow()).expectShown(accounts.facebook().name());
    assertThat(edit.askingAgainNote()).isVisible();
    assertThat(facebookWindow()).hasURL(Pattern.compile("[?&]auth_type=rerequest(&|$)"));
  }

  // --- returning user

  @Then("Facebook skips the login and greets me as someone who connected before")
  public void facebookSkipsLogin() {
    FacebookEditSettingsPage edit = new FacebookEditSettingsPage(facebookWindow()).expectShown(accounts.facebook().name());
    assertThat(edit.returningGreeting()).isVisible();
    assertThat(new FacebookLoginPage(facebookWindow(), session.harness().facebookUrl()).heading()).not().isAttached();
  }

  // --- Pages without Instagram, not an admin, no Pages

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

  // --- security

  @When("Facebook's answer comes back to the pop-up with a state the dashboard did not send")
  public void answerWithForeignState() {
    // Facebook's real redirect back, with the state swapped for one of someone else's making, as a forged link or a
    // login-CSRF attempt would bring it: the pop-up follows it to the dashboard's callback like any redirect.
    Page popup = facebookWindow();
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
    Page popup = facebookWindow();
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

  // --- the account choice, tampered with

  /** The Facebook flow up to the choice, through its requests: the scenario is about what the choice accepts. */
  @Given("Facebook has offered me the Instagram accounts behind the Pages of my Facebook account {string}")
  public void facebookHasOffered(String persona) {
    accounts.useFacebookPersona(persona);
    new SettingsPage(session.page()).saveInstagramLoginQuickly(false);
    accounts.instagramLogin(false);
    FacebookPersona me = accounts.facebook();
    socialAccounts.offerThroughFacebookQuickly(session.harness().facebookUrl(), me.email(), me.password());
    // where the pop-up sends the dashboard when it is done
    session.page().navigate("/social-accounts/instagram/choose");
    new InstagramAccountChoicePage(session.page()).expectShown();
  }

  @When("I select the Instagram account {string} of another Facebook user, by changing the choice in the page")
  public void selectAccountNotOffered(String username) {
    FacebookPersonaBook book = session.harness().facebookPersonas();
    String id = book.handles().stream().map(book::declared).flatMap(p -> p.pages().stream()).map(FacebookPersona.Page::instagram)
        .filter(ig -> ig != null && ig.username().equals(username)).map(FacebookPersona.InstagramAccount::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No Facebook persona has @" + username + " (fixtures/personas/facebook.json)"));
    assertThat(accounts.facebook().instagramAccount(id)).as("@" + username + " is not one of " + accounts.facebook().handle() + "'s").isEmpty();
    new InstagramAccountChoicePage(session.page()).expectShown().selectTamperedWith(id);
  }

  @Then("I am told that the account was not among those Facebook offered, and nothing is linked")
  public void toldNotOffered() {
    assertThat(socialAccounts.alertSaying("That Instagram account was not among those Facebook offered")).isVisible();
    socialAccounts.expectNotLinked();
  }
}
