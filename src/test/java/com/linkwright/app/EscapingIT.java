package com.linkwright.app;

import static com.linkwright.app.PageText.assertShowsAsText;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.app.ProviderScreens.Dialog;
import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.InstagramPersona;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every string a person or a provider supplies is shown as text wherever the dashboard writes it into a page: the
 * hostile personas of fixtures/personas (markup that would run, quotes, an ampersand that is already an entity) and
 * provider error texts, read back as a browser would read them.
 */
class EscapingIT {
  /** fixtures/personas/instagram.json */
  private static final String DIRECT_USERNAME = "<i>ada</i>&amp;co's.shop";
  /** fixtures/personas/facebook.json, persona mo.markup: the Page that can publish, and its Instagram account */
  private static final String PAGE = "<img src=x onerror=window.__pwned=1>";
  private static final String PAGE_WITHOUT_INSTAGRAM = "Tom & Jerry's \"Corner\" <Shop>";
  private static final String PAGE_NOT_ADMIN = "<script>window.__pwned=2</script>Harbor &amp; Sons";
  private static final String FACEBOOK_USERNAME = "<b>mo</b>&amp;jo's.bakes";
  private static final String FACEBOOK_IG_ID = "17841400000000701";
  private static final String NOT_ADMIN_IG_ID = "17841400000000703";
  private static final String HOSTILE_TEXT = "<img src=x onerror=alert(1)> & \"quoted\" 'too'";

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
    me.signIn("Eve");
    screens = new ProviderScreens(app, me);
  }

  @Test
  void anInstagramUsernameIsTextOnEveryPageThatNamesIt() {
    InstagramPersona ada = app.stubs.instagramPersonas().issueCopy(DIRECT_USERNAME);
    String linked = screens.linkInstagram(ada).body();
    assertShowsAsText(linked, "Your Instagram account @" + DIRECT_USERNAME + " is now linked.");
    assertShowsAsText(linked, "@" + DIRECT_USERNAME);
    assertShowsAsText(me.get("/post").body(), "@" + DIRECT_USERNAME);
    assertShowsAsText(screens.linkInstagram(ada).body(), "@" + DIRECT_USERNAME + " was already linked");
    app.stubs.instagramPersonas().state(ada).revokeAccess();
    String revoked = me.get("/social-accounts").body();
    assertThat(revoked).contains("Needs to be relinked");
    assertShowsAsText(revoked, "no longer accepts the dashboard's access to @" + DIRECT_USERNAME + " (it was revoked");
    String unlinked = me.follow(me.post("/social-accounts/instagram/unlink", "csrf", screens.csrf())).body();
    assertShowsAsText(unlinked, "@" + DIRECT_USERNAME + " is no longer linked.");
  }

  @Test
  void namesFromFacebookAreTextOnTheChoiceTheAccountAndThePostPage() {
    FacebookPersona mo = app.stubs.facebookPersonas().issueCopy("mo.markup");
    screens.saveInstagramLogin(false);
    Dialog dialog = screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(false))), mo);
    String choice = screens.backOnTheDashboard(screens.editSettingsAndDone(dialog, null, Map.of())).body();
    assertShowsAsText(choice, "@" + FACEBOOK_USERNAME + " · Business account · via Facebook Page " + PAGE);
    assertThat(ProviderScreens.values(choice, "account")).as("the Page whose role cannot publish is not offered")
        .containsExactly(FACEBOOK_IG_ID);
    String linked = screens.choose(FACEBOOK_IG_ID).body();
    assertShowsAsText(linked, "Your Instagram account @" + FACEBOOK_USERNAME + " is now linked through the Facebook Page " + PAGE + ".");
    // the card's "via Facebook Page" line too: no raw markup of the name anywhere on the page
    assertShowsAsText(linked, PAGE);
    assertShowsAsText(me.get("/post").body(), "@" + FACEBOOK_USERNAME);
  }

  @Test
  void pageNamesAreTextInTheReasonsNothingWasLinked() {
    FacebookPersona mo = app.stubs.facebookPersonas().issueCopy("mo.markup");
    screens.saveInstagramLogin(false);
    // no Instagram account shared: none of the Pages has one the dashboard may see
    Dialog none = screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(false))), mo);
    String noInstagram = screens.backOnTheDashboard(screens.editSettingsAndDone(none, List.of(), Map.of())).body();
    assertShowsAsText(noInstagram, "None of the Facebook Pages you chose (\u201c" + PAGE + "\u201d, \u201c" + PAGE_WITHOUT_INSTAGRAM
        + "\u201d, \u201c" + PAGE_NOT_ADMIN + "\u201d)");
    // only the account of the Page whose role cannot publish: not an admin, named
    Dialog notAdmin = screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(false))), mo);
    String refused = screens.backOnTheDashboard(screens.editSettingsAndDone(notAdmin, List.of(NOT_ADMIN_IG_ID), Map.of())).body();
    assertShowsAsText(refused, "You are not an admin of the Facebook Page \u201c" + PAGE_NOT_ADMIN + "\u201d");
  }

  @Test
  void aProvidersErrorTextIsText() {
    String state = ProviderScreens.query(URI.create(Visitor.location(screens.clickInstagramIcon())), "state");
    String instagram = me.follow(me.get("/auth/instagram/callback?error=server_error&error_reason=" + enc(HOSTILE_TEXT)
        + "&state=" + state)).body();
    assertShowsAsText(instagram, "Instagram answered: " + HOSTILE_TEXT + ".");

    screens.saveInstagramLogin(false);
    String fbState = ProviderScreens.query(URI.create(Visitor.location(screens.openFacebookDialog(false))), "state");
    me.get("/auth/facebook/callback?error=server_error&error_description=" + enc(HOSTILE_TEXT) + "&state=" + fbState);
    assertShowsAsText(me.follow(me.get("/social-accounts/instagram/choose")).body(), "Facebook answered: " + HOSTILE_TEXT + ".");
  }

  @Test
  void theDashboardUsersNameIsTextOnEveryPageOfTheFrame() {
    Visitor eve = app.visitor();
    String name = "<img src=x onerror=alert(1)>Eve & \"Co\"";
    assertShowsAsText(eve.signIn(name).body(), "Signed in as " + name);
    assertShowsAsText(eve.get("/settings").body(), "Signed in as " + name);
    assertShowsAsText(eve.get("/post").body(), "Signed in as " + name);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
