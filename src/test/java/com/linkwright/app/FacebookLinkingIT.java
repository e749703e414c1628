package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.app.ProviderScreens.Dialog;
import com.linkwright.stubs.FacebookPersona;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linking Instagram through a Facebook Page (Instagram Login off), over HTTP against the running app and the stubbed
 * Facebook: the pop-up's requests as a browser would make them, then what the dashboard offers and says.
 *
 * <p>Over 250 lines because it is one flow's catalogue: each test is one way the flow can go, short and independent,
 * and splitting them by an arbitrary line would only hide which ways are covered.
 */
class FacebookLinkingIT {
  private static AppUnderTest app;
  private Visitor me;
  private ProviderScreens screens;

  @BeforeAll
  static void start() {
    app = AppUnderTest.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void signInWithInstagramLoginOff() {
    me = app.visitor();
    me.signIn("Dana");
    screens = new ProviderScreens(app, me);
    // followed, so that its "Settings saved" is shown now and is not the next page's notice
    me.follow(screens.saveInstagramLogin(false));
  }

  private FacebookPersona persona(String handle) {
    return app.stubs.facebookPersonas().issueCopy(handle);
  }

  private Dialog dialog(FacebookPersona persona) {
    return screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(false))), persona);
  }

  // --- the Social Accounts card and the dialog request

  @Test
  void withInstagramLoginOffTheIconOpensTheFacebookPopUpWithBothChecks() {
    String card = me.get("/social-accounts").body();
    assertThat(card).contains("action=\"/social-accounts/instagram/facebook/start\"", "data-checks=\"popup origin\"",
        "please be sure you allow pop-ups").doesNotContain("action=\"/social-accounts/instagram/link\"", "data-autostart",
        "Ask again for the missing permissions");
    // the icon, the script that opens the pop-up, where it reports, and the blocked warning, hidden until it is needed
    assertThat(card).contains("aria-label=\"Instagram\"", "<svg", "<script src=\"/static/facebook-link.js\" defer></script>",
        "<div role=\"status\" id=\"facebook-popup-status\" hidden></div>",
        "<div role=\"alert\" id=\"facebook-popup-blocked\" class=\"notice warning\" hidden>", "Continue with Facebook");
    assertThat(me.get("/social-accounts?connect=instagram").body()).contains("data-autostart");
    assertThat(me.get("/social-accounts?connect=facebook").body()).doesNotContain("data-autostart");
    screens.saveInstagramLogin(true);
    assertThat(me.get("/social-accounts").body()).contains("action=\"/social-accounts/instagram/link\"")
        .doesNotContain("/social-accounts/instagram/facebook/start");
  }

  @Test
  void theDialogIsAskedForTheExactCallbackThePublishingScopesAndAState() {
    HttpResponse<String> start = screens.openFacebookDialog(false);
    assertThat(start.statusCode()).isEqualTo(303);
    assertThat(start.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    URI dialog = URI.create(Visitor.location(start));
    assertThat(dialog.toString()).startsWith(app.stubs.facebookUrl() + "/v23.0/dialog/oauth?");
    assertThat(ProviderScreens.query(dialog, "client_id")).isEqualTo(AppUnderTest.FACEBOOK_APP_ID);
    assertThat(ProviderScreens.query(dialog, "redirect_uri")).isEqualTo(app.baseUrl() + "/auth/facebook/callback");
    assertThat(ProviderScreens.query(dialog, "scope"))
        .isEqualTo("instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement,business_management");
    assertThat(ProviderScreens.query(dialog, "state")).hasSizeGreaterThanOrEqualTo(32);
    assertThat(ProviderScreens.query(dialog, "auth_type")).isNull();
    URI again = URI.create(Visitor.location(screens.openFacebookDialog(true)));
    assertThat(ProviderScreens.query(again, "auth_type")).isEqualTo("rerequest");
  }

  // --- linked through a Page

  @Test
  void anAccountBehindMyPageLinksViaThatPage() {
    HttpResponse<String> page = screens.linkThroughFacebook(persona("dana.baker"), "17841400000000101");
    assertThat(page.body())
        .contains("Your Instagram account @brightside.bakery is now linked through the Facebook Page Brightside Bakery.")
        .contains("Linked: <strong class=\"handle\">@brightside.bakery</strong>", "Business account")
        .contains("via Facebook Page <strong>Brightside Bakery</strong>")
        .doesNotContain("Missing permissions", "Needs to be relinked", "relinked");
    // the offer is spent by the choice: the same form sent again links nothing more
    assertThat(screens.choose("17841400000000101").body()).contains("was not among those Facebook offered")
        .doesNotContain("relinked");
  }

  @Test
  void relinkingThroughFacebookRenewsTheSameAccount() {
    FacebookPersona dana = persona("dana.baker");
    screens.linkThroughFacebook(dana, "17841400000000101");
    assertThat(me.get("/social-accounts").body()).contains("class=\"relink-form\"", "data-checks=\"popup origin\"");
    HttpResponse<String> page = screens.linkThroughFacebook(dana, "17841400000000101");
    assertThat(page.body()).contains("Instagram relinked", "@brightside.bakery was already linked").doesNotContain("is now linked");
  }

  @Test
  void anAccountLinkedThroughAPageAfterAnotherLinkedDirectlyIsANewLink() {
    screens.saveInstagramLogin(true);
    screens.linkInstagram(app.stubs.instagramPersonas().issueCopy("mila.creates"));
    HttpResponse<String> page = screens.linkThroughFacebook(persona("dana.baker"), "17841400000000101");
    assertThat(page.body()).contains("@brightside.bakery is now linked through the Facebook Page Brightside Bakery")
        .doesNotContain("relinked", "@mila.creates");
  }

  @Test
  void theChoiceListsEveryAccountICanPublishToAndLinksTheOneIChose() {
    FacebookPersona sam = persona("sam.rivers");
    HttpResponse<String> choice = screens.backOnTheDashboard(screens.editSettingsAndDone(dialog(sam), null, Map.of()));
    assertThat(choice.body())
        .contains("@rivers.coffee · Business account · via Facebook Page Rivers Coffee")
        .contains("@rivers.studio · Creator account · via Facebook Page Rivers Studio")
        .doesNotContain("Rivers Family");
    assertThat(ProviderScreens.values(choice.body(), "account")).containsExactly("17841400000000201", "17841400000000202");
    HttpResponse<String> page = screens.choose("17841400000000202");
    assertThat(page.body()).contains("@rivers.studio is now linked through the Facebook Page Rivers Studio", "Creator account")
        .doesNotContain("@rivers.coffee");
  }

  @Test
  void anAccountFacebookDidNotOfferCannotBeChosen() {
    screens.backOnTheDashboard(screens.editSettingsAndDone(dialog(persona("dana.baker")), null, Map.of()));
    HttpResponse<String> page = screens.choose("17841400000000202");
    assertThat(page.body()).contains("That Instagram account was not among those Facebook offered", "Not linked.")
        .doesNotContain("is now linked");
    // the offer is spent: choosing the offered one now links nothing either
    assertThat(screens.choose("17841400000000101").body()).contains("was not among those Facebook offered");
  }

  @Test
  void withNoSignInUnderWayThereIsNothingToChoose() {
    HttpResponse<String> page = me.follow(me.get("/social-accounts/instagram/choose"));
    assertThat(page.body()).contains("There is no Facebook sign-in to finish. Click the Instagram icon to link.");
    assertThat(screens.choose("17841400000000101").body()).contains("was not among those Facebook offered");
  }

  // --- what Facebook's answer can mean

  @Test
  void aDeclinedPermissionIsNamedAndAskedForAgain() {
    FacebookPersona dana = persona("dana.baker");
    HttpResponse<String> page = screens.backOnTheDashboard(
        screens.editSettingsAndDone(dialog(dana), null, Map.of("instagram_content_publish", "no")));
    assertThat(page.body())
        .contains("Not all permissions were granted, so Instagram was not linked")
        .contains("Facebook did not grant: Create and publish content on the Instagram account connected to your Page (instagram_content_publish).")
        .contains("Ask again for the missing permissions", "name=\"rerequest\" value=\"true\"")
        .doesNotContain("Select the Instagram account", "pages_show_list)");
    // asked again, all granted: linked, and the "ask again" button is gone
    Dialog again = screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(true))), dana);
    assertThat(again.screen().body()).contains("is asking again for permissions you declined");
    screens.backOnTheDashboard(screens.editSettingsAndDone(again, null, Map.of()));
    HttpResponse<String> linked = screens.choose("17841400000000101");
    assertThat(linked.body()).contains("is now linked through the Facebook Page Brightside Bakery")
        .doesNotContain("Ask again for the missing permissions");
  }

  @Test
  void aFacebookUserWithoutPagesIsToldAPageIsNeeded() {
    HttpResponse<String> page = screens.backOnTheDashboard(screens.editSettingsAndDone(dialog(persona("pat.personal")), null, Map.of()));
    assertThat(page.body()).contains("No Facebook Page to link Instagram through", "personal Facebook accounts are not supported")
        .doesNotContain("not an admin", "No Instagram account is connected");
  }

  @Test
  void aPageWithoutInstagramGetsTheGuidesConnectSteps() {
    HttpResponse<String> page = screens.backOnTheDashboard(screens.editSettingsAndDone(dialog(persona("nora.garden")), null, Map.of()));
    assertThat(page.body())
        .contains("No Instagram account is connected to your Facebook Page")
        .contains("None of the Facebook Pages you chose (\u201cNora&#39;s Garden\u201d) has an Instagram Business or Creator account connected.")
        .contains("Under Page Settings click &quot;Instagram&quot;.")
        .doesNotContain("not an admin", "No Facebook Page to link");
  }

  @Test
  void aRoleThatCannotPublishIsNamedAsNotAdmin() {
    HttpResponse<String> page = screens.backOnTheDashboard(screens.editSettingsAndDone(dialog(persona("eli.analyst")), null, Map.of()));
    assertThat(page.body()).contains("You are not an admin of the Facebook Page \u201cHarbor News\u201d")
        .doesNotContain("No Instagram account is connected", "Select the Instagram account");
  }

  @Test
  void cancellingOnFacebookLinksNothing() {
    HttpResponse<String> page = screens.backOnTheDashboard(screens.cancelOnFacebook(dialog(persona("dana.baker"))));
    assertThat(page.body()).contains("You cancelled on Facebook, so nothing was linked.").doesNotContain("Facebook answered");
  }

  @Test
  void anotherErrorIsShownInFacebooksWords() {
    String state = ProviderScreens.query(URI.create(Visitor.location(screens.openFacebookDialog(false))), "state");
    me.get("/auth/facebook/callback?error=server_error&error_description=Try+later&state=" + state);
    assertThat(me.follow(me.get("/social-accounts/instagram/choose")).body()).contains("Facebook answered: Try later.")
        .doesNotContain("You cancelled");
    String next = ProviderScreens.query(URI.create(Visitor.location(screens.openFacebookDialog(false))), "state");
    me.get("/auth/facebook/callback?error=server_error&state=" + next);
    assertThat(me.follow(me.get("/social-accounts/instagram/choose")).body()).contains("Facebook answered: server_error.");
  }

  @Test
  void anAnswerWithTheStateButNoCodeLinksNothing() {
    String state = ProviderScreens.query(URI.create(Visitor.location(screens.openFacebookDialog(false))), "state");
    me.get("/auth/facebook/callback?state=" + state);
    assertThat(me.follow(me.get("/social-accounts/instagram/choose")).body())
        .contains("Facebook answered: Facebook sent no authorization code");
    String next = ProviderScreens.query(URI.create(Visitor.location(screens.openFacebookDialog(false))), "state");
    me.get("/auth/facebook/callback?code=&state=" + next);
    assertThat(me.follow(me.get("/social-accounts/instagram/choose")).body())
        .contains("Facebook answered: Facebook sent no authorization code");
  }

  // --- the state of the pop-up's callback

  @Test
  void anAnswerWithAStateTheDashboardDidNotSendIsIgnored() {
    HttpResponse<String> back = screens.continueAs(dialog(persona("dana.baker")));
    URI location = URI.create(Visitor.location(back));
    String state = ProviderScreens.query(location, "state");
    String code = ProviderScreens.query(location, "code");
    me.get("/auth/facebook/callback?code=" + code + "&state=" + state.substring(1));
    assertFacebookAnswerIgnored();
  }

  @Test
  void theStateMustMatchWhollyNotJustItsBeginning() {
    URI location = URI.create(Visitor.location(screens.continueAs(dialog(persona("dana.baker")))));
    me.get("/auth/facebook/callback?code=" + ProviderScreens.query(location, "code") + "&state=" + ProviderScreens.query(location, "state") + "x");
    assertFacebookAnswerIgnored();
  }

  @Test
  void anAnswerWithoutAStateIsIgnored() {
    URI location = URI.create(Visitor.location(screens.continueAs(dialog(persona("dana.baker")))));
    me.get("/auth/facebook/callback?code=" + ProviderScreens.query(location, "code"));
    assertFacebookAnswerIgnored();
  }

  @Test
  void aStateIsGoodForOneAnswerOnly() {
    HttpResponse<String> back = screens.continueAs(dialog(persona("dana.baker")));
    String state = ProviderScreens.query(URI.create(Visitor.location(back)), "state");
    me.get("/auth/facebook/callback?code=forged&state=" + state);
    me.get("/social-accounts");
    me.follow(back);
    assertFacebookAnswerIgnored();
  }

  @Test
  void theCallbackPageHandsOverToThisOriginOnlyAndSendsNoReferrer() {
    HttpResponse<String> popup = me.follow(screens.continueAs(dialog(persona("dana.baker"))));
    assertThat(popup.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(popup.body()).contains("data-app-origin=\"" + app.baseUrl() + "\"").doesNotContain("EAAG");
  }

  private void assertFacebookAnswerIgnored() {
    assertThat(me.follow(me.get("/social-accounts/instagram/choose")).body())
        .contains("The answer from Facebook did not match a linking request from this browser, so it was ignored.")
        .doesNotContain("Select the Instagram account", "is now linked");
  }

  @Test
  void noSignInNoPopUp() {
    Visitor stranger = app.visitor();
    assertThat(Visitor.location(stranger.get("/auth/facebook/callback?code=x&state=y"))).isEqualTo("/signin");
    assertThat(Visitor.location(stranger.get("/social-accounts/instagram/choose"))).isEqualTo("/signin");
    assertThat(stranger.post("/social-accounts/instagram/facebook/start", "csrf", "x").statusCode()).isEqualTo(303);
  }

  @Test
  void theSettingsSayWhichWayIsOn() {
    HttpResponse<String> off = me.follow(screens.saveInstagramLogin(false));
    assertThat(off.body()).contains("Instagram Login is off.").doesNotContain(" checked>");
    HttpResponse<String> on = me.follow(screens.saveInstagramLogin(true));
    assertThat(on.body()).contains("Instagram Login is on.", "value=\"on\" checked>");
  }

  @Test
  void formsWithoutThisWorkspacesTokenAreRefused() {
    for (String path : List.of("/social-accounts/instagram/facebook/start", "/social-accounts/instagram/choose", "/settings",
        "/social-accounts/instagram/link", "/social-accounts/instagram/unlink")) {
      HttpResponse<String> none = me.post(path);
      assertThat(none.statusCode()).as(path).isEqualTo(403);
      assertThat(none.body()).contains("This form has expired.");
      assertThat(me.post(path, "csrf", screens.csrf() + "x").statusCode()).as(path + " with a longer token").isEqualTo(403);
      assertThat(me.post(path, "csrf", screens.csrf().substring(1)).statusCode()).as(path + " without its first character").isEqualTo(403);
      String prefix = screens.csrf().substring(0, screens.csrf().length() - 1);
      assertThat(me.post(path, "csrf", prefix).statusCode()).as(path + " with the token's beginning only").isEqualTo(403);
    }
    Visitor other = app.visitor();
    other.signIn("Other");
    assertThat(me.post("/settings", "csrf", other.csrf()).statusCode()).as("another workspace's token").isEqualTo(403);
    assertThat(me.follow(me.get("/settings")).body()).as("nothing was saved").doesNotContain("Settings saved");
  }
}
