package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stubbed Facebook's dialog, both sides of each rule: its checks of the request (app, exact redirect URI, code
 * flow, state, scopes, auth_type), the login and the returning user, one-time dialog requests, cancel, and the screens
 * (accounts sorted by type, only the user's own Pages, names shown as text).
 */
class FacebookDialogStubIT extends StubbedFacebookHttp {
  // --- the dialog request

  @Test
  void theRegisteredAppWithItsExactRedirectUriGetsTheLogin() throws Exception {
    HttpResponse<String> page = new Browser().get(dialog("555", REDIRECT.toString(), "code", SCOPES, "s", null));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"dr\"", "name=\"email\"");
  }

  @Test
  void theDialogRefusesWhatFacebookRefuses() throws Exception {
    Browser b = new Browser();
    assertErrorPage(b.get(dialog("999", REDIRECT.toString(), "code", SCOPES, "s", null)), "Invalid App ID");
    for (String near : new String[] {REDIRECT + "/evil", REDIRECT + "x", REDIRECT.toString().substring(0, REDIRECT.toString().length() - 1),
        "http://localhost:2/cb"}) {
      assertErrorPage(b.get(dialog("555", near, "code", SCOPES, "s", null)), "URL blocked");
    }
    assertErrorPage(b.get(dialog("555", REDIRECT.toString(), "token", SCOPES, "s", null)), "This stub serves the code flow only");
    assertErrorPage(b.get(dialog("555", REDIRECT.toString(), "code", SCOPES, null, null)), "to protect the redirect back (CSRF)");
    assertErrorPage(b.get(dialog("555", REDIRECT.toString(), "code", SCOPES, " ", null)), "to protect the redirect back (CSRF)");
    assertErrorPage(b.get(dialog("555", REDIRECT.toString(), "code", SCOPES + ",user_posts,email", "s", null)),
        "Invalid Scopes: user_posts, email");
    assertErrorPage(b.get(dialog("555", REDIRECT.toString(), "code", "instagram_basic", "s", null)), "needs at least instagram_basic and pages_show_list");
    assertErrorPage(b.get(dialog("555", REDIRECT.toString(), "code", "pages_show_list", "s", null)), "needs at least instagram_basic and pages_show_list");
    assertErrorPage(b.get(dialog("555", REDIRECT.toString(), "code", SCOPES, "s", "reauthenticate")), "Unknown auth_type");
    assertThat(b.get(dialog("555", REDIRECT.toString(), "code", "instagram_basic pages_show_list", "s", "rerequest")).statusCode())
        .as("the least it needs, space-separated, re-requested").isEqualTo(200);
  }

  // --- the screens

  @Test
  void aWrongPasswordStaysOnTheLoginAndARightOneRemembersTheBrowser() throws Exception {
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    Browser b = new Browser();
    String dr = dr(b.get(dialog("555", REDIRECT.toString(), "code", SCOPES, "s", null)));
    HttpResponse<String> wrong = b.post("/login", "dr", dr, "email", dana.email(), "pass", "wrong");
    assertThat(wrong.body()).contains("The password that you").doesNotContain("Continue as");
    HttpResponse<String> right = b.post("/login", "dr", dr, "email", dana.email(), "pass", dana.password());
    assertThat(right.body()).contains("Continue as " + dana.name(), "Create and publish content on the Instagram account connected to your Page")
        .doesNotContain("You previously logged in", "asking again");
    // the same browser, a new dialog: Facebook skips the login
    HttpResponse<String> next = b.get(dialog("555", REDIRECT.toString(), "code", SCOPES, "s", "rerequest"));
    assertThat(next.body()).contains("Continue as " + dana.name(), "asking again for permissions you declined").doesNotContain("name=\"email\"");
    // a browser without the cookie logs in again
    assertThat(new Browser().get(dialog("555", REDIRECT.toString(), "code", SCOPES, "s", null)).body()).contains("name=\"email\"");
  }

  @Test
  void aReturningUserIsGreetedAsSuch() throws Exception {
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    Browser b = new Browser();
    b.continueAs(b.logIn(dana, "s"));
    assertThat(b.get(dialog("555", REDIRECT.toString(), "code", SCOPES, "s", null)).body()).contains("You previously logged in");
    assertThat(new Browser().logIn(stubs.facebookPersonas().issueCopy("dana.baker"), "s").screen()).doesNotContain("You previously logged in");
  }

  @Test
  void anUnknownOrFinishedDialogRequestIsNotAvailable() throws Exception {
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    Browser b = new Browser();
    for (String path : List.of("/login", "/dialog/oauth/continue", "/dialog/oauth/instagram-accounts", "/dialog/oauth/pages",
        "/dialog/oauth/permissions")) {
      assertErrorPage(b.post(path, "dr", "dr_made_up", "email", dana.email(), "pass", dana.password(), "decision", "edit"),
          "The link you followed may be broken");
    }
    String early = dr(b.get(dialog("555", REDIRECT.toString(), "code", SCOPES, "s", null)));
    for (String path : List.of("/dialog/oauth/continue", "/dialog/oauth/instagram-accounts", "/dialog/oauth/pages", "/dialog/oauth/permissions")) {
      assertErrorPage(b.post(path, "dr", early, "decision", "edit"), "The link you followed may be broken");
    }
    Dialog done = b.logIn(dana, "s");
    b.continueAs(done);
    assertErrorPage(b.post("/dialog/oauth/continue", "dr", done.dr(), "decision", "continue"), "The link you followed may be broken");
  }

  @Test
  void cancelGoesBackWithMetasAccessDeniedAndTheState() throws Exception {
    Browser b = new Browser();
    Dialog d = b.logIn(stubs.facebookPersonas().issueCopy("dana.baker"), "st4te");
    HttpResponse<String> back = b.post("/dialog/oauth/continue", "dr", d.dr(), "decision", "cancel");
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location")).hasValue(REDIRECT + "?error=access_denied&error_code=200"
        + "&error_description=Permissions+error&error_reason=user_denied&state=st4te#_=_");
    assertErrorPage(b.post("/dialog/oauth/continue", "dr", d.dr(), "decision", "continue"), "The link you followed may be broken");
  }

  @Test
  void editSettingsSortsTheAccountsAndOffersOnlyMyPages() throws Exception {
    Browser b = new Browser();
    Dialog d = b.logIn(stubs.facebookPersonas().issueCopy("sam.rivers"), "s");
    String accounts = b.post("/dialog/oauth/continue", "dr", d.dr(), "decision", "edit").body();
    String business = accounts.substring(accounts.indexOf("Instagram Business Accounts"), accounts.indexOf("Instagram Creator Accounts"));
    assertThat(business).contains("rivers.coffee").doesNotContain("rivers.studio");
    assertThat(accounts.substring(accounts.indexOf("Instagram Creator Accounts"))).contains("rivers.studio").doesNotContain("rivers.coffee");
    assertThat(accounts).doesNotContain("No Instagram Business or Creator account is connected");
    Browser pat = new Browser();
    Dialog none = pat.logIn(stubs.facebookPersonas().issueCopy("pat.personal"), "s");
    assertThat(pat.post("/dialog/oauth/continue", "dr", none.dr(), "decision", "edit").body())
        .contains("No Instagram Business or Creator account is connected").doesNotContain("name=\"instagram\"");
    String pages = b.post("/dialog/oauth/instagram-accounts", "dr", d.dr(), "instagram", "17841400000000201", "instagram", "17841400000000101").body();
    assertThat(values(pages, "page")).containsExactly("104000000000201", "104000000000202", "104000000000203");
    String permissions = b.post("/dialog/oauth/pages", "dr", d.dr(), "page", "104000000000201", "page", "104000000000101").body();
    assertThat(permissions).contains("name=\"perm.instagram_content_publish\"", "Show a list of the Pages you manage");
    HttpResponse<String> back = b.post("/dialog/oauth/permissions", "dr", d.dr(), "perm.instagram_basic", "yes", "perm.instagram_content_publish", "no",
        "perm.pages_show_list", "yes", "perm.pages_read_engagement", "yes", "perm.business_management", "yes");
    String token = token("555", "secret", REDIRECT.toString(), code(back));

    // only what was checked, and only what is the user's own
    JsonNode shared = JSON.readTree(graph("/v23.0/me/accounts?fields=id,name,instagram_business_account", token)).get("data");
    assertThat(shared).hasSize(1);
    assertThat(shared.get(0).get("name").asText()).isEqualTo("Rivers Coffee");
    assertThat(shared.get(0).at("/instagram_business_account/id").asText()).isEqualTo("17841400000000201");
    assertGraphError(graphAnswer("/v23.0/104000000000202?fields=instagram_business_account", token), 100);
    assertGraphError(graphAnswer("/v23.0/104000000000101", token), 100);
    assertGraphError(graphAnswer("/v23.0/17841400000000101?fields=username", token), 100);
    JsonNode permissionsRead = JSON.readTree(graph("/v23.0/me/permissions", token)).get("data");
    assertThat(permissionsRead.toString()).contains("{\"permission\":\"public_profile\",\"status\":\"granted\"}",
        "{\"permission\":\"instagram_content_publish\",\"status\":\"declined\"}", "{\"permission\":\"instagram_basic\",\"status\":\"granted\"}");
  }

  @Test
  void pageAndAccountNamesAreShownAsTextNotMarkup() throws Exception {
    Browser b = new Browser();
    Dialog d = b.logIn(stubs.facebookPersonas().issueCopy("mo.markup"), "s");
    String accounts = b.post("/dialog/oauth/continue", "dr", d.dr(), "decision", "edit").body();
    assertThat(accounts).contains("&lt;b&gt;mo&lt;/b&gt;&amp;amp;jo&#x27;s.bakes").doesNotContain("<b>mo");
    String pages = b.post("/dialog/oauth/instagram-accounts", "dr", d.dr()).body();
    assertThat(pages).contains("&lt;img src&#x3D;x onerror&#x3D;window.__pwned&#x3D;1&gt;", "Tom &amp; Jerry&#x27;s &quot;Corner&quot; &lt;Shop&gt;")
        .doesNotContain("<img src=x", "<script>window");
    String typed = b.post("/login", "dr", d.dr(), "email", "<b>x</b>", "pass", "wrong").body();
    assertThat(typed).contains("value=\"&lt;b&gt;x&lt;/b&gt;\"").doesNotContain("<b>x");
  }

  @Test
  void theScreensStylesheetIsServedAsIs() throws Exception {
    HttpResponse<String> css = new Browser().get(URI.create(fb + "/static/facebook.css"));
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).doesNotContain("unknown step");
  }
}
