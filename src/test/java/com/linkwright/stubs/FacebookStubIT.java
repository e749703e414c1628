package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stubbed Facebook's rules, both sides of each, over HTTP: the dialog's checks (app, exact redirect URI, code flow,
 * state, scopes, auth_type), its screens, one-time dialog requests and codes, the client secret, and what a token may
 * read (only what the user shared on the dialog's screens).
 */
class FacebookStubIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI REDIRECT = URI.create("http://localhost:1/auth/facebook/callback");
  private static final String SCOPES = "instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement,business_management";
  private static ProviderStubs stubs;
  private static URI fb;

  @BeforeAll
  static void start() {
    stubs = ProviderStubs.start(Path.of("fixtures"), 0, 0);
    stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", "555", "secret", REDIRECT));
    stubs.registerWithFacebook(new RegisteredApp("Another App", "666", "other-secret", URI.create("http://localhost:2/cb")));
    fb = stubs.facebookUrl();
  }

  @AfterAll
  static void stop() {
    stubs.close();
  }

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
    assertThat(new Browser().logIn(stubs.facebookPersonas().issueCopy("dana.baker"), "s").screen).doesNotContain("You previously logged in");
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
    assertErrorPage(b.post("/dialog/oauth/continue", "dr", done.dr, "decision", "continue"), "The link you followed may be broken");
  }

  @Test
  void cancelGoesBackWithMetasAccessDeniedAndTheState() throws Exception {
    Browser b = new Browser();
    Dialog d = b.logIn(stubs.facebookPersonas().issueCopy("dana.baker"), "st4te");
    HttpResponse<String> back = b.post("/dialog/oauth/continue", "dr", d.dr, "decision", "cancel");
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location")).hasValue(REDIRECT + "?error=access_denied&error_code=200"
        + "&error_description=Permissions+error&error_reason=user_denied&state=st4te#_=_");
    assertErrorPage(b.post("/dialog/oauth/continue", "dr", d.dr, "decision", "continue"), "The link you followed may be broken");
  }

  @Test
  void editSettingsSortsTheAccountsAndOffersOnlyMyPages() throws Exception {
    Browser b = new Browser();
    Dialog d = b.logIn(stubs.facebookPersonas().issueCopy("sam.rivers"), "s");
    String accounts = b.post("/dialog/oauth/continue", "dr", d.dr, "decision", "edit").body();
    String business = accounts.substring(accounts.indexOf("Instagram Business Accounts"), accounts.indexOf("Instagram Creator Accounts"));
    assertThat(business).contains("rivers.coffee").doesNotContain("rivers.studio");
    assertThat(accounts.substring(accounts.indexOf("Instagram Creator Accounts"))).contains("rivers.studio").doesNotContain("rivers.coffee");
    assertThat(accounts).doesNotContain("No Instagram Business or Creator account is connected");
    Browser pat = new Browser();
    Dialog none = pat.logIn(stubs.facebookPersonas().issueCopy("pat.personal"), "s");
    assertThat(pat.post("/dialog/oauth/continue", "dr", none.dr, "decision", "edit").body())
        .contains("No Instagram Business or Creator account is connected").doesNotContain("name=\"instagram\"");
    String pages = b.post("/dialog/oauth/instagram-accounts", "dr", d.dr, "instagram", "17841400000000201", "instagram", "17841400000000101").body();
    assertThat(values(pages, "page")).containsExactly("104000000000201", "104000000000202", "104000000000203");
    String permissions = b.post("/dialog/oauth/pages", "dr", d.dr, "page", "104000000000201", "page", "104000000000101").body();
    assertThat(permissions).contains("name=\"perm.instagram_content_publish\"", "Show a list of the Pages you manage");
    HttpResponse<String> back = b.post("/dialog/oauth/permissions", "dr", d.dr, "perm.instagram_basic", "yes", "perm.instagram_content_publish", "no",
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
    String accounts = b.post("/dialog/oauth/continue", "dr", d.dr, "decision", "edit").body();
    assertThat(accounts).contains("&lt;b&gt;mo&lt;/b&gt;&amp;amp;jo&#x27;s.bakes").doesNotContain("<b>mo");
    String pages = b.post("/dialog/oauth/instagram-accounts", "dr", d.dr).body();
    assertThat(pages).contains("&lt;img src&#x3D;x onerror&#x3D;window.__pwned&#x3D;1&gt;", "Tom &amp; Jerry&#x27;s &quot;Corner&quot; &lt;Shop&gt;")
        .doesNotContain("<img src=x", "<script>window");
    String typed = b.post("/login", "dr", d.dr, "email", "<b>x</b>", "pass", "wrong").body();
    assertThat(typed).contains("value=\"&lt;b&gt;x&lt;/b&gt;\"").doesNotContain("<b>x");
  }

  @Test
  void continueAsSharesEveryPageAndEveryInstagramAccount() throws Exception {
    Browser b = new Browser();
    String token = token("555", "secret", REDIRECT.toString(), code(b.continueAs(b.logIn(stubs.facebookPersonas().issueCopy("sam.rivers"), "s"))));
    JsonNode pages = JSON.readTree(graph("/v23.0/me/accounts", token)).get("data");
    assertThat(pages).hasSize(3);
    JsonNode first = pages.get(0);
    assertThat(first.get("id").asText()).isEqualTo("104000000000201");
    assertThat(first.get("category").asText()).isEqualTo("Coffee shop");
    assertThat(first.get("access_token").asText()).startsWith("EAAP");
    assertThat(first.get("tasks").toString()).contains("MANAGE");
    assertThat(first.has("instagram_business_account")).as("not asked for").isFalse();
    JsonNode idOnly = JSON.readTree(graph("/v23.0/me/accounts?fields=name", token)).get("data").get(0);
    assertThat(idOnly.get("id").asText()).as("the id is always there").isEqualTo("104000000000201");
    assertThat(idOnly.has("category")).isFalse();
    JsonNode studio = JSON.readTree(graph("/v23.0/17841400000000202?fields=id,username,name,account_type", token));
    assertThat(studio.get("username").asText()).isEqualTo("rivers.studio");
    assertThat(studio.get("name").asText()).isEqualTo("rivers.studio");
    assertThat(studio.get("account_type").asText()).isEqualTo("Media_Creator");
    assertThat(JSON.readTree(graph("/v23.0/17841400000000202?fields=username", token)).get("id").asText()).isEqualTo("17841400000000202");
    JsonNode page = JSON.readTree(graph("/v23.0/104000000000202", token));
    assertThat(page.get("name").asText()).isEqualTo("Rivers Studio");
    assertThat(JSON.readTree(graph("/v23.0/104000000000203?fields=instagram_business_account", token)).has("instagram_business_account"))
        .as("a Page with no Instagram account").isFalse();
    assertThat(JSON.readTree(graph("/v23.0/me/accounts?access_token=" + enc(token), null)).get("data")).as("the token in the query").hasSize(3);
  }

  @Test
  void onlyWhatWasCheckedLastIsSharedAndOnlyTheUsersOwn() throws Exception {
    Browser b = new Browser();
    FacebookPersona sam = stubs.facebookPersonas().issueCopy("sam.rivers");
    Dialog d = b.logIn(sam, "s");
    b.post("/dialog/oauth/continue", "dr", d.dr, "decision", "edit");
    // a first choice, then the screen sent again (the browser's Back button) with another; and an id that is not Sam's
    b.post("/dialog/oauth/instagram-accounts", "dr", d.dr, "instagram", "17841400000000201");
    b.post("/dialog/oauth/instagram-accounts", "dr", d.dr, "instagram", "17841400000000202", "instagram", "17841400000000101");
    b.post("/dialog/oauth/pages", "dr", d.dr, "page", "104000000000201", "page", "104000000000101");
    b.post("/dialog/oauth/pages", "dr", d.dr, "page", "104000000000202", "page", "104000000000101");
    String token = token("555", "secret", REDIRECT.toString(), code(b.post("/dialog/oauth/permissions", "dr", d.dr,
        "perm.instagram_basic", "yes", "perm.instagram_content_publish", "yes", "perm.pages_show_list", "yes")));
    JsonNode shared = JSON.readTree(graph("/v23.0/me/accounts?fields=id,instagram_business_account", token)).get("data");
    assertThat(shared).hasSize(1);
    assertThat(shared.get(0).get("id").asText()).isEqualTo("104000000000202");
    assertGraphError(graphAnswer("/v23.0/17841400000000201?fields=username", token), 100);
    // publishing: to the account shared, not to one typed into the dialog that belongs to someone else
    assertGraphError(graphPost("/v23.0/17841400000000101/media", token, "image_url=" + enc("http://127.0.0.1:1/none.jpg")), 100);
    assertGraphError(graphPost("/v23.0/17841400000000201/media", token, "image_url=" + enc("http://127.0.0.1:1/none.jpg")), 100);
    assertGraphError(graphPost("/v23.0/17841400000000202/media", token, "image_url=" + enc("http://127.0.0.1:1/none.jpg")), 9004);
  }

  @Test
  void theDialogScreensSayWhatTheUserHas() throws Exception {
    Browser b = new Browser();
    Dialog d = b.logIn(stubs.facebookPersonas().issueCopy("dana.baker"), "s");
    String accounts = b.post("/dialog/oauth/continue", "dr", d.dr, "decision", "edit").body();
    assertThat(accounts).contains("brightside.bakery").doesNotContain("No Instagram Business or Creator account is connected");
    String pages = b.post("/dialog/oauth/instagram-accounts", "dr", d.dr, "instagram", "17841400000000101").body();
    assertThat(pages).contains("Brightside Bakery", "Bakery</small>").doesNotContain("You don't have any Facebook Pages.");
    String noPassword = b.post("/login", "dr", d.dr, "email", "dana@brightside.example").body();
    assertThat(noPassword).contains("The password that you&#x27;ve entered is incorrect.");
  }

  @Test
  void scopesMayComeWithSpacesOrEmptyEntriesAndAreNeeded() throws Exception {
    Browser b = new Browser();
    assertThat(b.get(dialog("555", REDIRECT.toString(), "code", ",instagram_basic,, pages_show_list ", "s", null)).body())
        .contains("name=\"dr\"");
    assertErrorPage(b.get(URI.create(fb + "/v23.0/dialog/oauth?client_id=555&redirect_uri=" + enc(REDIRECT.toString())
        + "&response_type=code&state=s")), "needs at least instagram_basic and pages_show_list");
  }

  @Test
  void theJournalSaysWhatFacebookWasAskedWithSecretsRedacted() throws Exception {
    Instant since = Instant.now();
    Browser b = new Browser();
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    b.logIn(dana, "s");
    String journal = stubs.facebookJournal(since);
    assertThat(journal).contains("GET /v23.0/dialog/oauth?client_id=555", "POST /login", "pass=[redacted]").doesNotContain(dana.password());
  }

  @Test
  void theInstagramAccountIsReadOnlyWithInstagramBasic() throws Exception {
    Browser b = new Browser();
    Dialog d = b.logIn(stubs.facebookPersonas().issueCopy("dana.baker"), "s");
    b.post("/dialog/oauth/continue", "dr", d.dr, "decision", "edit");
    b.post("/dialog/oauth/instagram-accounts", "dr", d.dr, "instagram", "17841400000000101");
    b.post("/dialog/oauth/pages", "dr", d.dr, "page", "104000000000101");
    String token = token("555", "secret", REDIRECT.toString(), code(b.post("/dialog/oauth/permissions", "dr", d.dr, "perm.instagram_basic", "no")));
    assertGraphError(graphAnswer("/v23.0/17841400000000101?fields=username", token), 100);
  }

  // --- the token endpoint and tokens

  @Test
  void theTokenEndpointChecksTheAppTheSecretTheCodeAndTheExactRedirectUri() throws Exception {
    Browser b = new Browser();
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    String code = code(b.continueAs(b.logIn(dana, "s")));
    assertGraphError(tokenAnswer("999", "secret", REDIRECT.toString(), code), 101);
    assertGraphError(tokenAnswer("555", "secre", REDIRECT.toString(), code), 1);
    assertGraphError(tokenAnswer("555", "secret2", REDIRECT.toString(), code), 1);
    assertGraphError(tokenAnswer("666", "other-secret", REDIRECT.toString(), code), 100);
    assertThat(tokenAnswer("555", "secret", REDIRECT.toString(), code).body()).as("spent by the other app's try").contains("has been used");

    String next = code(b.continueAs(b.logIn(dana, "s")));
    assertThat(tokenAnswer("555", "secret", REDIRECT + "/more", next).body()).contains("redirect_uri is identical");
    assertThat(tokenAnswer("555", "secret", REDIRECT.toString(), next).body()).as("spent by the try").contains("has been used");

    String third = code(b.continueAs(b.logIn(dana, "s")));
    HttpResponse<String> ok = tokenAnswer("555", "secret", REDIRECT.toString(), third);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ok.body()).get("access_token").asText()).startsWith("EAAG");
    assertThat(JSON.readTree(ok.body()).get("token_type").asText()).isEqualTo("bearer");
  }

  @Test
  void theTokenEndpointRefusesTheSecretAndTheCodeInTheUrl() throws Exception {
    Browser b = new Browser();
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    String code = code(b.continueAs(b.logIn(dana, "s")));
    String query = "client_id=555&client_secret=secret&redirect_uri=" + enc(REDIRECT.toString()) + "&code=" + enc(code);
    // the GET of Meta's guide, everything in the URL
    HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fb + "/v23.0/oauth/access_token?" + query))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertGraphError(get, 100);
    assertThat(get.body()).contains("in the body of a POST to the token endpoint");
    // a POST that still carries the secret (or the code) in its URL
    for (String inUrl : List.of("client_secret=secret", "code=" + enc(code))) {
      HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fb + "/v23.0/oauth/access_token?" + inUrl))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertGraphError(post, 100);
    }
    // a grant that is not a code's
    HttpResponse<String> wrongGrant = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fb + "/v23.0/oauth/access_token"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(query + "&grant_type=client_credentials"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertGraphError(wrongGrant, 100);
    // refused before the code was looked at: it still buys a token, once, in the body of a POST
    assertThat(tokenAnswer("555", "secret", REDIRECT.toString(), code).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownTokenReadsNothing() throws Exception {
    for (String path : List.of("/v23.0/me/accounts", "/v23.0/me/permissions", "/v23.0/104000000000101")) {
      assertGraphError(graphAnswer(path, "EAAGmade-up"), 190);
      assertGraphError(graphAnswer(path, null), 190);
    }
  }

  @Test
  void theScreensStylesheetIsServedAsIs() throws Exception {
    HttpResponse<String> css = new Browser().get(URI.create(fb + "/static/facebook.css"));
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).doesNotContain("unknown step");
  }

  // --- a browser on Facebook's screens, with its own cookies

  private record Dialog(String dr, String screen) {}

  private static final class Browser {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    HttpResponse<String> get(URI uri) throws Exception {
      return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String... pairs) throws Exception {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < pairs.length; i += 2) {
        parts.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
      }
      return http.send(HttpRequest.newBuilder(fb.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build(), HttpResponse.BodyHandlers.ofString());
    }

    Dialog logIn(FacebookPersona persona, String state) throws Exception {
      String dr = dr(get(dialog("555", REDIRECT.toString(), "code", SCOPES, state, null)));
      HttpResponse<String> screen = post("/login", "dr", dr, "email", persona.email(), "pass", persona.password());
      assertThat(screen.body()).contains("Continue as");
      return new Dialog(dr, screen.body());
    }

    HttpResponse<String> continueAs(Dialog d) throws Exception {
      HttpResponse<String> back = post("/dialog/oauth/continue", "dr", d.dr, "decision", "continue");
      assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
      return back;
    }
  }

  private static List<String> values(String html, String name) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static URI dialog(String clientId, String redirect, String responseType, String scope, String state, String authType) {
    return URI.create(fb + "/v23.0/dialog/oauth?client_id=" + clientId + "&redirect_uri=" + enc(redirect) + "&response_type=" + responseType
        + "&scope=" + enc(scope) + (state == null ? "" : "&state=" + enc(state)) + (authType == null ? "" : "&auth_type=" + authType));
  }

  private static String dr(HttpResponse<String> page) {
    Matcher m = Pattern.compile("name=\"dr\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  private static String code(HttpResponse<String> back) {
    String location = back.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?code=");
    return URLDecoder.decode(location.replaceAll(".*[?&]code=([^&#]+).*", "$1"), StandardCharsets.UTF_8);
  }

  /** The code exchange as the stub takes it: a POST with the secret and the code in the body. */
  private static HttpResponse<String> tokenAnswer(String clientId, String secret, String redirect, String code) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fb + "/v23.0/oauth/access_token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("client_id=" + clientId + "&client_secret=" + enc(secret)
            + "&redirect_uri=" + enc(redirect) + "&code=" + enc(code))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String clientId, String secret, String redirect, String code) throws Exception {
    HttpResponse<String> answer = tokenAnswer(clientId, secret, redirect, code);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("access_token").asText();
  }

  private static HttpResponse<String> graphAnswer(String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fb + pathAndQuery)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> graphPost(String path, String token, String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fb + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String graph(String pathAndQuery, String token) throws Exception {
    HttpResponse<String> answer = graphAnswer(pathAndQuery, token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static void assertGraphError(HttpResponse<String> answer, int code) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body()).get("error");
    assertThat(error.get("code").asInt()).as(answer.body()).isEqualTo(code);
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
    assertThat(answer.body()).doesNotContain("access_token");
  }

  private static void assertErrorPage(HttpResponse<String> page, String message) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
    assertThat(page.body()).contains(message).doesNotContain("name=\"dr\"", "Continue as");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
