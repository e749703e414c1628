package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.stubs.InstagramPersona;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linking Instagram directly (Instagram Login), over HTTP against the running app and the stubbed Instagram: what the
 * Social Accounts page says after each way the callback can go, both sides of every rule.
 *
 * <p>Over 250 lines because it pins both sides of every rule of one callback; each test is short and independent.
 */
class InstagramLinkingIT {
  private static final List<String> ALL = List.of("instagram_business_basic", "instagram_business_content_publish",
      "instagram_business_manage_comments", "instagram_business_manage_insights");
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
  void signIn() {
    me = app.visitor();
    me.signIn("Ada");
    screens = new ProviderScreens(app, me);
  }

  private InstagramPersona persona(String handle) {
    return app.stubs.instagramPersonas().issueCopy(handle);
  }

  // --- the way out: the authorization request

  @Test
  void theIconSendsMeToInstagramWithTheAppTheExactCallbackTheScopesAndAFreshState() {
    HttpResponse<String> first = screens.clickInstagramIcon();
    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
    URI authorize = URI.create(Visitor.location(first));
    assertThat(authorize.toString()).startsWith(app.stubs.instagramUrl() + "/oauth/authorize?");
    assertThat(ProviderScreens.query(authorize, "client_id")).isEqualTo(AppUnderTest.INSTAGRAM_CLIENT_ID);
    assertThat(ProviderScreens.query(authorize, "redirect_uri")).isEqualTo(app.baseUrl() + "/auth/instagram/callback");
    assertThat(ProviderScreens.query(authorize, "response_type")).isEqualTo("code");
    assertThat(ProviderScreens.query(authorize, "scope")).isEqualTo(String.join(",", ALL));
    String state = ProviderScreens.query(authorize, "state");
    assertThat(state).hasSizeGreaterThanOrEqualTo(32);
    String again = ProviderScreens.query(URI.create(Visitor.location(screens.clickInstagramIcon())), "state");
    assertThat(again).isNotEqualTo(state);
  }

  // --- linked: what the page shows for each account type and grant

  @Test
  void aBusinessAccountLinksWithEveryPermissionAndNothingMissing() {
    HttpResponse<String> page = screens.linkInstagram(persona("brightside.bakery"));
    assertThat(page.body())
        .contains("Instagram linked", "Your Instagram account @brightside.bakery is now linked.")
        .contains("Linked: <strong class=\"handle\">@brightside.bakery</strong>", "Business account", "Unlink", "Relink")
        .doesNotContain("Missing", "Needs to be relinked", "not all permissions", "Not linked.", "via Facebook Page")
        .doesNotContain("class=\"warn\"");
    // with Instagram Login on, Relink is Instagram's login again, not the Facebook pop-up
    assertThat(page.body()).contains("<form method=\"post\" action=\"/social-accounts/instagram/link\">")
        .doesNotContain("/social-accounts/instagram/facebook/start", "facebook-link.js");
    assertThat(page.body()).as("a confirmation is a status, not an alert")
        .containsPattern("role=\"status\"[^>]*>\\s*<strong>Instagram linked</strong>")
        .doesNotContain("role=\"alert\"");
    assertThat(me.get("/social-accounts").body()).as("the notice is shown once")
        .doesNotContain("Instagram linked").contains("@brightside.bakery");
  }

  @Test
  void aCreatorAccountLinksAsCreator() {
    assertThat(screens.linkInstagram(persona("mila.creates")).body())
        .contains("@mila.creates", "Creator account").doesNotContain("Business account", "Media_Creator");
  }

  @Test
  void permissionsLeftOffAreNamedAndTheAccountIsLinkedAnyway() {
    HttpResponse<String> page = me.follow(screens.instagramRedirectBack(persona("brightside.bakery"),
        List.of("instagram_business_basic", "instagram_business_manage_comments")));
    assertThat(page.body())
        .contains("Instagram linked, but not all permissions were granted")
        .contains("Missing: instagram_business_content_publish, instagram_business_manage_insights. Posting may fail.")
        .contains("Missing permissions: instagram_business_content_publish, instagram_business_manage_insights.")
        .contains("Linked: <strong class=\"handle\">@brightside.bakery</strong>")
        .doesNotContain("is now linked.");
  }

  @Test
  void aPersonalAccountIsRefusedWithTheGuidesStepsAndTheResetTip() {
    HttpResponse<String> page = screens.linkInstagram(persona("jo.personal"));
    assertThat(page.body())
        .contains("Your Instagram account isn&#39;t a Business or Creator account")
        .contains("@jo.personal is a Personal account. Instagram requires that your account be an Instagram Business or Instagram Creator account.")
        .contains("Settings and activity", "For professionals", "Switch to professional account")
        .contains("try switching your Instagram back to <strong>Personal</strong>")
        .contains("Not linked. Click the Instagram icon")
        .doesNotContain("Instagram linked", "Unlink")
        .containsPattern("role=\"alert\"[^>]*>\\s*<strong>Your Instagram account isn&#39;t a Business or Creator account</strong>")
        .doesNotContain("role=\"status\"");
  }

  @Test
  void aCreatorReportedAsPersonalIsRefusedThenLinksAfterTheSwitch() {
    InstagramPersona nora = persona("nora.resets");
    assertThat(screens.linkInstagram(nora).body()).contains("@nora.resets is a Personal account", "Not linked.");
    app.stubs.instagramPersonas().state(nora).switchAccountType("Personal");
    app.stubs.instagramPersonas().state(nora).switchAccountType("Media_Creator");
    assertThat(screens.linkInstagram(nora).body()).contains("Your Instagram account @nora.resets is now linked.", "Creator account");
  }

  // --- Instagram said no

  @Test
  void cancellingOnInstagramLinksNothing() {
    URI authorize = URI.create(Visitor.location(screens.clickInstagramIcon()));
    HttpResponse<String> back = screens.answerInstagramPermissions(screens.logInToInstagram(authorize, persona("brightside.bakery")), false, List.of());
    assertThat(me.follow(back).body())
        .contains("Instagram was not linked", "You cancelled on Instagram, so nothing was linked.", "Not linked.")
        .doesNotContain("Instagram answered");
  }

  @Test
  void anotherErrorIsShownInInstagramsWordsTheReasonFirst() {
    String state = stateOfANewLink();
    assertThat(callback("?error=server_error&error_reason=temporarily_unavailable&state=" + state).body())
        .contains("Instagram answered: temporarily_unavailable.").doesNotContain("You cancelled");
    String next = stateOfANewLink();
    assertThat(callback("?error=server_error&state=" + next).body()).contains("Instagram answered: server_error.");
  }

  @Test
  void anAnswerWithTheStateButNoCodeLinksNothing() {
    assertThat(callback("?state=" + stateOfANewLink()).body())
        .contains("Instagram was not linked", "Instagram answered: Instagram sent no authorization code", "Not linked.");
    assertThat(callback("?code=&state=" + stateOfANewLink()).body()).contains("Instagram sent no authorization code");
  }

  @Test
  void aCodeBroughtBackASecondTimeIsRefusedByInstagram() {
    HttpResponse<String> back = screens.instagramRedirectBack(persona("brightside.bakery"), ALL);
    String code = ProviderScreens.query(URI.create(Visitor.location(back)), "code");
    assertThat(me.follow(back).body()).contains("is now linked");
    me.post("/social-accounts/instagram/unlink", "csrf", screens.csrf());
    assertThat(callback("?code=" + code + "&state=" + stateOfANewLink()).body())
        .contains("Instagram answered: Matching code was not found or was already used", "Not linked.");
  }

  @Test
  void sessionInvalidNamesBothDocumentedWaysOut() {
    HttpResponse<String> page = screens.linkInstagram(persona("sam.returns"));
    assertThat(page.body())
        .contains("400: Session Invalid")
        .contains("has already authorized Linkwright Dashboard")
        .contains("<a href=\"" + app.stubs.instagramUrl() + "/accounts/manage_access/\" rel=\"noopener noreferrer\">open Apps and websites on Instagram</a>")
        .contains("turn off <strong>Instagram Login</strong> in <a href=\"/settings\">Settings</a>")
        .doesNotContain("Instagram answered");
  }

  // --- the state: this browser's, once, whole

  @Test
  void anAnswerWithoutAStateIsIgnored() {
    HttpResponse<String> back = screens.instagramRedirectBack(persona("brightside.bakery"), ALL);
    String code = ProviderScreens.query(URI.create(Visitor.location(back)), "code");
    assertRefused(callback("?code=" + code));
  }

  @Test
  void anAnswerWithAStateTheDashboardDidNotSendIsIgnored() {
    HttpResponse<String> back = screens.instagramRedirectBack(persona("brightside.bakery"), ALL);
    URI location = URI.create(Visitor.location(back));
    String code = ProviderScreens.query(location, "code");
    String state = ProviderScreens.query(location, "state");
    assertRefused(callback("?code=" + code + "&state=" + state.substring(0, state.length() - 1)));
  }

  @Test
  void theStateMustMatchWhollyNotJustItsBeginning() {
    HttpResponse<String> back = screens.instagramRedirectBack(persona("brightside.bakery"), ALL);
    URI location = URI.create(Visitor.location(back));
    assertRefused(callback("?code=" + ProviderScreens.query(location, "code") + "&state=" + ProviderScreens.query(location, "state") + "x"));
  }

  @Test
  void aStateIsGoodForOneAnswerOnly() {
    HttpResponse<String> back = screens.instagramRedirectBack(persona("brightside.bakery"), ALL);
    String state = ProviderScreens.query(URI.create(Visitor.location(back)), "state");
    // the state is spent on a first answer (here with a code Instagram never issued) ...
    assertThat(callback("?code=forged&state=" + state).body()).contains("Instagram answered: Matching code was not found");
    // ... so Instagram's real answer, with the same state, is no longer taken
    assertRefused(me.follow(back));
  }

  @Test
  void anotherVisitorsStateIsNotMine() {
    Visitor mallory = app.visitor();
    mallory.signIn("Mallory");
    HttpResponse<String> back = new ProviderScreens(app, mallory).instagramRedirectBack(persona("brightside.bakery"), ALL);
    // Mallory's answer, with her code and her state, brought to my browser (login CSRF): ignored
    assertRefused(me.follow(me.get(Visitor.location(back))));
  }

  @Test
  void theCallbackNeedsASignedInVisitorAndSendsNoReferrer() {
    HttpResponse<String> stranger = app.visitor().get("/auth/instagram/callback?code=x&state=y");
    assertThat(stranger.statusCode()).isEqualTo(303);
    assertThat(Visitor.location(stranger)).isEqualTo("/signin");
    HttpResponse<String> mine = me.get("/auth/instagram/callback?code=x&state=y");
    assertThat(mine.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  // --- relink and unlink

  @Test
  void linkingTheLinkedAccountAgainRenewsItAndListsItOnce() {
    InstagramPersona mila = persona("mila.creates");
    screens.linkInstagram(mila);
    HttpResponse<String> page = screens.linkInstagram(mila);
    assertThat(page.body()).contains("Instagram relinked", "@mila.creates was already linked: its connection is renewed")
        .doesNotContain("is now linked");
    assertThat(page.body().split("class=\"handle\"", -1)).hasSize(2);
  }

  @Test
  void linkingAnotherAccountReplacesTheFirstAsANewLink() {
    screens.linkInstagram(persona("mila.creates"));
    HttpResponse<String> page = screens.linkInstagram(persona("brightside.bakery"));
    assertThat(page.body()).contains("Your Instagram account @brightside.bakery is now linked.")
        .doesNotContain("relinked", "@mila.creates");
  }

  @Test
  void relinkingWithPermissionsLeftOffWarnsInsteadOfSayingRelinked() {
    InstagramPersona mila = persona("mila.creates");
    screens.linkInstagram(mila);
    HttpResponse<String> page = me.follow(screens.instagramRedirectBack(mila, List.of("instagram_business_basic")));
    assertThat(page.body()).contains("Instagram linked, but not all permissions were granted").doesNotContain("Instagram relinked");
  }

  @Test
  void aRevokedTokenShowsTheAccountAsNeedingARelinkAndRelinkingClearsIt() {
    InstagramPersona bakery = persona("brightside.bakery");
    screens.linkInstagram(bakery);
    assertThat(me.get("/social-accounts").body()).contains("Linked:").doesNotContain("Needs to be relinked", "no longer accepts");
    app.stubs.instagramPersonas().state(bakery).revokeAccess();
    assertThat(me.get("/social-accounts").body())
        .contains("Needs to be relinked: <strong class=\"handle\">@brightside.bakery</strong>")
        .contains("Instagram no longer accepts the dashboard&#39;s access to @brightside.bakery (it was revoked or has expired). Relink it to keep posting.")
        .doesNotContain("Linked:");
    HttpResponse<String> relinked = screens.linkInstagram(bakery);
    assertThat(relinked.body()).contains("Instagram relinked", "Linked:").doesNotContain("Needs to be relinked");
  }

  @Test
  void anInstagramThatCannotBeReachedSaysNothingAboutTheToken() {
    // an app and stubs of its own: this test stops its Instagram
    try (AppUnderTest own = AppUnderTest.start()) {
      Visitor visitor = own.visitor();
      visitor.signIn("Ada");
      new ProviderScreens(own, visitor).linkInstagram(own.stubs.instagramPersonas().issueCopy("brightside.bakery"));
      own.stubs.close();
      assertThat(visitor.get("/social-accounts").body())
          .contains("Linked: <strong class=\"handle\">@brightside.bakery</strong>")
          .doesNotContain("Needs to be relinked", "no longer accepts");
    }
  }

  @Test
  void unlinkingSaysWhichAccountAndShowsTheIconAgain() {
    screens.linkInstagram(persona("brightside.bakery"));
    HttpResponse<String> page = me.follow(me.post("/social-accounts/instagram/unlink", "csrf", screens.csrf()));
    assertThat(page.body()).contains("Instagram unlinked", "@brightside.bakery is no longer linked.", "Not linked. Click the Instagram icon")
        .doesNotContain("Linked:");
  }

  @Test
  void unlinkingWhenNothingIsLinkedSaysNothing() {
    HttpResponse<String> page = me.follow(me.post("/social-accounts/instagram/unlink", "csrf", screens.csrf()));
    assertThat(page.body()).doesNotContain("Instagram unlinked", "role=\"status\"", "role=\"alert\"").contains("Not linked.");
  }

  // --- helpers

  /** Starts a link and returns the state the dashboard sent to Instagram (nothing comes back from Instagram yet). */
  private String stateOfANewLink() {
    return ProviderScreens.query(URI.create(Visitor.location(screens.clickInstagramIcon())), "state");
  }

  private HttpResponse<String> callback(String query) {
    return me.follow(me.get("/auth/instagram/callback" + query));
  }

  private static void assertRefused(HttpResponse<String> page) {
    assertThat(page.body())
        .contains("Instagram was not linked", "did not match a linking request from this browser, so it was ignored")
        .contains("Not linked.")
        .doesNotContain("is now linked", "Linked:");
  }
}
