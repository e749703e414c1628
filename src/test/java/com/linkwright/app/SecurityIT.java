package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes from outside, over HTTP, for what the dashboard must refuse, each with its near variants, and the side that
 * must still be accepted: login CSRF, unreadable and oversized bodies, sign-out, idle sessions, the OAuth state's
 * lifetime. The app runs on a clock the tests move.
 *
 * <p>Over 250 lines because it is the catalogue of outside probes, each with its near variants; one class keeps the
 * whole attack surface readable in one place, and each test is short and independent.
 */
class SecurityIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MovableClock CLOCK = new MovableClock();
  private static AppUnderTest app;
  private static String appOrigin;

  @BeforeAll
  static void start() {
    app = AppUnderTest.start(CLOCK);
    appOrigin = app.baseUrl().toString();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  // --- login CSRF: a sign-in from elsewhere must not replace the signed-in user's session

  @Test
  void aCrossSiteSignInDoesNotReplaceMySession() {
    Visitor victim = signedIn("Victim");
    String before = victim.csrf();
    // the attacker's page on the stubs' origin auto-submits a form with a token from the attacker's own visit
    String attackersToken = app.visitor().signInToken();
    HttpResponse<String> forged = victim.postWithHeaders("/signin",
        Map.of("Origin", app.stubs.instagramUrl().toString(), "Sec-Fetch-Site", "cross-site"),
        "csrf", attackersToken, "name", "Attacker");
    assertRefusedSignIn(forged);
    assertStillSignedInAs(victim, "Victim", before);
  }

  @Test
  void aSignInFromAnotherOriginIsRefusedEvenWithThisBrowsersOwnToken() {
    String port = String.valueOf(app.baseUrl().getPort());
    List<String> elsewhere = List.of(
        appOrigin + ".evil.example",                      // a look-alike that begins with the dashboard's origin
        "http://localhost:" + (app.baseUrl().getPort() + 1), // another port: another origin on the same site
        "http://127.0.0.1:" + port,                         // the same server by address: another site
        app.stubs.instagramUrl().toString(),                // the stubbed providers' origin
        "https://localhost:" + port,                        // another scheme
        appOrigin.substring(0, appOrigin.length() - 1),     // a prefix of the origin
        appOrigin + "/",                                    // an origin is never a URL
        "null");                                            // a sandboxed frame or a data: page
    for (String origin : elsewhere) {
      Visitor victim = signedIn("Victim");
      String before = victim.csrf();
      HttpResponse<String> answer = victim.postWithHeaders("/signin", Map.of("Origin", origin), "csrf", victim.signInToken(), "name", "Attacker");
      assertThat(answer.statusCode()).as("Origin %s", origin).isEqualTo(403);
      assertStillSignedInAs(victim, "Victim", before);
    }
  }

  @Test
  void aBrowserMustSayTheSignInIsSameOrigin() {
    for (String site : List.of("cross-site", "same-site", "none", "SAME-ORIGIN", "same-origin, cross-site")) {
      Visitor victim = signedIn("Victim");
      HttpResponse<String> answer = victim.postWithHeaders("/signin", Map.of("Origin", appOrigin, "Sec-Fetch-Site", site),
          "csrf", victim.signInToken(), "name", "Attacker");
      assertThat(answer.statusCode()).as("Sec-Fetch-Site %s", site).isEqualTo(403);
    }
  }

  @Test
  void theSignInFormItselfIsAcceptedFromABrowserAndFromAClientWithoutBrowserHeaders() {
    Visitor browser = app.visitor();
    HttpResponse<String> fromTheForm = browser.postWithHeaders("/signin", Map.of("Origin", appOrigin, "Sec-Fetch-Site", "same-origin"),
        "csrf", browser.signInToken(), "name", "Ada");
    assertThat(fromTheForm.statusCode()).isEqualTo(303);
    assertThat(browser.follow(fromTheForm).body()).contains("Signed in as Ada");
    // no Origin, no Sec-Fetch-Site (curl, a test's HTTP client): the sign-in page's token is what lets it in
    Visitor client = app.visitor();
    assertThat(client.postWithHeaders("/signin", Map.of(), "csrf", client.signInToken(), "name", "Grace").statusCode()).isEqualTo(303);
    assertThat(client.get("/social-accounts").body()).contains("Signed in as Grace");
    // signing in again from the form replaces this browser's session (and ends the old one)
    String graceCookie = sessionCookie(client);
    client.signIn("Grace again");
    assertThat(client.get("/social-accounts").body()).contains("Signed in as Grace again");
    assertThat(Visitor.location(app.visitor().withHeader("Cookie", graceCookie).get("/social-accounts"))).isEqualTo("/signin");
  }

  @Test
  void withoutTheSignInPagesTokenThereIsNoSignIn() {
    Visitor victim = signedIn("Victim");
    String before = victim.csrf();
    String token = victim.signInToken();
    Visitor other = app.visitor();
    for (String[] form : List.of(
        new String[] {"name", "Attacker"},                                          // no token at all
        new String[] {"csrf", "", "name", "Attacker"},                               // an empty one
        new String[] {"csrf", token.substring(0, token.length() - 1), "name", "A"},  // its beginning
        new String[] {"csrf", token + "x", "name", "A"},                              // something longer
        new String[] {"csrf", other.signInToken(), "name", "A"},                     // another browser's
        new String[] {"csrf", before, "name", "A"})) {                                // the workspace's form token
      assertThat(victim.postWithHeaders("/signin", Map.of(), form).statusCode()).as(String.join(" ", form)).isEqualTo(403);
    }
    assertStillSignedInAs(victim, "Victim", before);
    // the token alone, without the pre-session cookie it is bound to
    Visitor noCookie = app.visitor();
    assertThat(noCookie.postWithHeaders("/signin", Map.of(), "csrf", token, "name", "A").statusCode()).isEqualTo(403);
  }

  @Test
  void theRefusalSaysWhereToSignInAndLogsOneLine() {
    try (CapturedLog log = CapturedLog.start()) {
      HttpResponse<String> answer = app.visitor().postWithHeaders("/signin", Map.of("Origin", "null"), "name", "Eve");
      assertRefusedSignIn(answer);
      assertThat(log.linesOf("com.linkwright.app")).singleElement().asString().contains("sign-in refused: Origin is 'null'");
    }
  }

  private static void assertRefusedSignIn(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Sessions.COOKIE + "="));
    assertThat(PageText.decoded(answer.body())).contains("did not come from the dashboard's own sign-in page");
    assertThat(answer.body()).contains("href=\"/signin\"").doesNotContain("Signed in as");
  }

  private static void assertStillSignedInAs(Visitor visitor, String name, String csrf) {
    String page = visitor.get("/social-accounts").body();
    assertThat(page).contains("Signed in as " + name + "</span>").doesNotContain("Attacker");
    assertThat(visitor.csrf()).isEqualTo(csrf);
  }

  // --- bodies the dashboard cannot read: a 400 and one log line, never a 500

  private static final List<String> POST_ROUTES = List.of("/signin", "/signout", "/settings", "/social-accounts/instagram/link",
      "/social-accounts/instagram/unlink", "/social-accounts/instagram/facebook/start", "/social-accounts/instagram/choose",
      "/api/post");

  @Test
  void aBrokenMultipartBodyIsABadRequestOnEveryPostRoute() {
    Visitor me = signedIn("Ada");
    for (String route : POST_ROUTES) {
      String refused = "POST " + route + ": request body refused, 400: bad multipart";
      assertBadRequest(route, refused, () -> me.postRaw(route, "multipart/form-data", "no boundary at all"));
      assertBadRequest(route, refused, () -> me.postRaw(route, "multipart/form-data; boundary=XYZ",
          "--XYZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ncut off here"));
      assertBadRequest(route, refused, () -> me.postRaw(route, "multipart/form-data; boundary=XYZ", "--XYZ\r\nnot a part header\r\n\r\n--XYZ--"));
    }
    assertThat(me.get("/social-accounts").body()).as("still signed in, nothing changed").contains("Signed in as Ada", "Not linked.");
  }

  @Test
  void aBrokenBodyIsABadRequestWithoutASessionToo() {
    assertBadRequest("/signin", "POST /signin: request body refused, 400: bad multipart",
        () -> app.visitor().postRaw("/signin", "multipart/form-data; boundary=XYZ", "--XYZ\r\n"));
  }

  @Test
  void anOversizedBodyIsABadRequestOnEveryPostRoute() {
    Visitor me = signedIn("Ada");
    byte[] form = ("name=" + "a".repeat((int) RequestBodies.MAX_FORM_BYTES)).getBytes(StandardCharsets.UTF_8);
    byte[] multipart = multipart((int) RequestBodies.MAX_MULTIPART_BYTES);
    for (String route : POST_ROUTES) {
      // refused for its announced size, before anything reads it
      assertBadRequest(route, "POST " + route + ": request body refused, " + form.length + " bytes, more than the "
          + RequestBodies.MAX_FORM_BYTES + " accepted", () -> me.postBytes(route, "application/x-www-form-urlencoded", form));
      assertBadRequest(route, "POST " + route + ": request body refused, " + multipart.length + " bytes, more than the "
          + RequestBodies.MAX_MULTIPART_BYTES + " accepted", () -> me.postBytes(route, "multipart/form-data; boundary=XYZ", multipart));
    }
    // sent in chunks, its size not announced: found out while it is read (the form by Javalin, which logs the line)
    assertBadRequest("/signin", "Body size greater than max size",
        () -> app.visitor().postChunked("/signin", "application/x-www-form-urlencoded", form));
    assertBadRequest("/api/post", "POST /api/post: request body refused, 400: bad multipart",
        () -> me.postChunked("/api/post", "multipart/form-data; boundary=XYZ", multipart));
    // one byte under a limit is read as usual
    byte[] fits = ("name=" + "a".repeat((int) RequestBodies.MAX_FORM_BYTES - 6)).getBytes(StandardCharsets.UTF_8);
    assertThat(me.postBytes("/settings", "application/x-www-form-urlencoded", fits).statusCode()).isEqualTo(403);
  }

  /** One multipart field (csrf) padded out to {@code size} bytes. */
  private static byte[] multipart(int size) {
    String head = "--XYZ\r\nContent-Disposition: form-data; name=\"media\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";
    String tail = "\r\n--XYZ--\r\n";
    return (head + "x".repeat(size + 1 - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
  }

  /** The request gets a 400 in the route's shape, and the log one line (saying {@code logged}) without a stack trace. */
  private static void assertBadRequest(String route, String logged, java.util.function.Supplier<HttpResponse<String>> request) {
    HttpResponse<String> answer;
    List<ILoggingEvent> events;
    List<String> lines;
    try (CapturedLog log = CapturedLog.start()) {
      answer = request.get();
      events = log.events();
      lines = log.lines();
    }
    assertThat(answer.statusCode()).as("%s: %s", route, answer.body()).isEqualTo(400);
    if (route.startsWith("/api/")) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      JsonNode body = read(answer.body());
      assertThat(body.path("status").asText()).isEqualTo("error");
      assertThat(body.path("errors").get(0).path("code").asInt()).isEqualTo(AyrshareResponse.CODE_UNREADABLE_REQUEST);
      assertThat(body.path("errors").get(0).path("message").asText()).contains("The request could not be read");
      assertThat(body.path("postIds").isArray()).isTrue();
    } else {
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(answer.body()).contains("<h1>Bad request</h1>", "The request could not be read");
    }
    assertThat(String.join("", lines)).as("%s: the log", route).hasLineCount(1).contains(logged);
    assertThat(events).as(route).singleElement().satisfies(e -> assertThat(e.getThrowableProxy()).isNull());
  }

  // --- sign-out

  @Test
  void everyDashboardPageOffersSignOutWithItsFormToken() {
    Visitor me = signedIn("Ada");
    String token = me.csrf();
    for (String page : List.of("/social-accounts", "/settings", "/post")) {
      assertThat(me.get(page).body()).as(page)
          .contains("<form method=\"post\" action=\"/signout\"", "name=\"csrf\" value=\"" + token + "\"", ">Sign out</button>");
    }
    assertThat(app.visitor().get("/signin").body()).doesNotContain("/signout");
  }

  @Test
  void signingOutEndsTheSessionOnTheServerAndClearsTheCookie() {
    Visitor me = signedIn("Ada");
    String cookie = sessionCookie(me);
    String token = me.csrf();
    HttpResponse<String> out = me.post("/signout", "csrf", token);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(Visitor.location(out)).isEqualTo("/signin?signed-out");
    assertThat(out.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE + "=;").contains("Max-Age=0"));
    assertThat(me.follow(out).body()).contains("You are signed out.").doesNotContain("Signed in as");
    assertThat(Visitor.location(me.get("/social-accounts"))).isEqualTo("/signin");
    // the old cookie, replayed, opens nothing: not the pages, not a form with the old token
    Visitor replay = app.visitor().withHeader("Cookie", cookie);
    assertThat(Visitor.location(replay.get("/social-accounts"))).isEqualTo("/signin");
    assertThat(Visitor.location(replay.post("/settings", "csrf", token, "instagramLogin", "on"))).isEqualTo("/signin");
    assertThat(replay.post("/api/post", "csrf", token).statusCode()).isEqualTo(401);
  }

  @Test
  void signOutNeedsTheWorkspacesFormToken() {
    Visitor me = signedIn("Ada");
    String token = me.csrf();
    for (String[] form : List.of(new String[] {}, new String[] {"csrf", token.substring(0, token.length() - 1)},
        new String[] {"csrf", signedIn("Other").csrf()})) {
      assertThat(me.post("/signout", form).statusCode()).as(String.join(" ", form)).isEqualTo(403);
    }
    assertThat(me.get("/social-accounts").body()).contains("Signed in as Ada");
    assertThat(Visitor.location(app.visitor().post("/signout", "csrf", token))).as("no session").isEqualTo("/signin");
  }

  // --- idle sessions

  @Test
  void aSessionLastsWhileItIsUsed() {
    Visitor me = signedIn("Ada");
    for (int i = 0; i < 3; i++) {
      CLOCK.advance(Sessions.IDLE_LIMIT);
      assertThat(me.get("/social-accounts").statusCode()).as("after %d idle limits, each ending in a use", i + 1).isEqualTo(200);
    }
  }

  @Test
  void aSessionIdleForLongerThanTheLimitIsOverAndItsCookieOpensNothing() {
    Visitor me = signedIn("Ada");
    String cookie = sessionCookie(me);
    String token = me.csrf();
    CLOCK.advance(Sessions.IDLE_LIMIT.plusSeconds(1));
    HttpResponse<String> expired = me.get("/social-accounts");
    assertThat(Visitor.location(expired)).isEqualTo("/signin?expired");
    assertThat(me.follow(expired).body()).contains("Your session ended after 30 minutes without activity. Sign in again.");
    Visitor replay = app.visitor().withHeader("Cookie", cookie);
    assertThat(Visitor.location(replay.get("/settings"))).isEqualTo("/signin");
    assertThat(Visitor.location(replay.post("/signout", "csrf", token))).isEqualTo("/signin");
    assertThat(replay.post("/api/post", "csrf", token).statusCode()).isEqualTo(401);
  }

  @Test
  void anExpiredSessionCannotBeUsedForAForm() {
    Visitor me = signedIn("Ada");
    String token = me.csrf();
    CLOCK.advance(Sessions.IDLE_LIMIT.plusMillis(1));
    assertThat(Visitor.location(me.post("/settings", "csrf", token, "instagramLogin", "on"))).isEqualTo("/signin?expired");
    me.signIn("Ada");
    assertThat(me.get("/settings").body()).doesNotContain("Settings saved");
  }

  // --- the OAuth state lives 10 minutes

  @Test
  void anInstagramAnswerWithinTheStatesLifetimeIsTakenAndOneAfterItIsRefused() {
    Visitor me = signedIn("Ada");
    ProviderScreens screens = new ProviderScreens(app, me);
    HttpResponse<String> back = screens.instagramRedirectBack(app.stubs.instagramPersonas().issueCopy("brightside.bakery"),
        InstagramSettings.PUBLISHING_SCOPES);
    CLOCK.advance(OAuthCallback.STATE_LIFETIME);
    assertThat(me.follow(back).body()).contains("is now linked");

    Visitor late = signedIn("Bo");
    HttpResponse<String> lateBack = new ProviderScreens(app, late).instagramRedirectBack(
        app.stubs.instagramPersonas().issueCopy("brightside.bakery"), InstagramSettings.PUBLISHING_SCOPES);
    CLOCK.advance(OAuthCallback.STATE_LIFETIME.plusMillis(1));
    assertThat(late.follow(lateBack).body()).contains("did not match a linking request from this browser").doesNotContain("is now linked");
  }

  @Test
  void aFacebookAnswerAfterTheStatesLifetimeIsRefused() {
    Visitor me = signedIn("Dana");
    ProviderScreens screens = new ProviderScreens(app, me);
    screens.saveInstagramLogin(false);
    var dialog = screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(false))),
        app.stubs.facebookPersonas().issueCopy("dana.baker"));
    HttpResponse<String> back = screens.continueAs(dialog);
    CLOCK.advance(OAuthCallback.STATE_LIFETIME.plus(Duration.ofMillis(1)));
    me.follow(back);
    assertThat(me.follow(me.get("/social-accounts/instagram/choose")).body())
        .contains("The answer from Facebook did not match a linking request from this browser").doesNotContain("Select the Instagram account");
  }

  // --- the Facebook pop-up does not keep the code in its history

  @Test
  void theFacebookCallbackDoesItsWorkThenSendsThePopUpToACleanUrl() {
    Visitor me = signedIn("Dana");
    ProviderScreens screens = new ProviderScreens(app, me);
    screens.saveInstagramLogin(false);
    var dialog = screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(false))),
        app.stubs.facebookPersonas().issueCopy("dana.baker"));
    URI callback = URI.create(Visitor.location(screens.continueAs(dialog)));
    assertThat(callback.getQuery()).contains("code=", "state=");
    HttpResponse<String> answer = me.get(callback.toString());
    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(Visitor.location(answer)).isEqualTo("/auth/facebook/done");
    assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(answer.body()).doesNotContain("linkwright:facebook-login", "facebook-callback.js");
    HttpResponse<String> done = me.get("/auth/facebook/done");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(done.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(done.body()).contains("Facebook sign-in finished", "<script src=\"/static/facebook-callback.js\" data-app-origin=\"" + appOrigin + "\">");
    // the work was done at the callback: the offer is there
    assertThat(me.follow(me.get("/social-accounts/instagram/choose")).body()).contains("Select the Instagram account to link");
  }

  @Test
  void everyOutcomeOfTheFacebookCallbackEndsAtTheCleanUrl() {
    Visitor me = signedIn("Dana");
    ProviderScreens screens = new ProviderScreens(app, me);
    screens.saveInstagramLogin(false);
    String state = ProviderScreens.query(URI.create(Visitor.location(screens.openFacebookDialog(false))), "state");
    for (String query : List.of("?error=access_denied&error_description=Permissions+error&state=" + state,
        "?code=AQforged&state=not-the-state", "?code=AQforged")) {
      HttpResponse<String> answer = me.get("/auth/facebook/callback" + query);
      assertThat(answer.statusCode()).as(query).isEqualTo(303);
      assertThat(Visitor.location(answer)).as(query).isEqualTo("/auth/facebook/done");
    }
    assertThat(Visitor.location(app.visitor().get("/auth/facebook/done"))).as("no session").isEqualTo("/signin");
  }

  // --- the Content-Security-Policy every page is served with (BrowserSecurityIT and every scenario check it holds)

  @Test
  void everyPageIsServedWithAPolicyThatAllowsOnlyItsOwnScriptsAndTheProvidersAsFormTargets() {
    String expected = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + app.stubs.instagramUrl() + " "
        + app.stubs.facebookUrl();
    Visitor me = signedIn("Ada");
    Visitor dana = signedIn("Dana");
    ProviderScreens screens = new ProviderScreens(app, dana);
    screens.saveInstagramLogin(false);
    dana.follow(screens.continueAs(screens.facebookDialog(URI.create(Visitor.location(screens.openFacebookDialog(false))),
        app.stubs.facebookPersonas().issueCopy("sam.rivers"))));
    List<HttpResponse<String>> pages = List.of(app.visitor().get("/signin"), me.get("/social-accounts"), me.get("/settings"),
        me.get("/post"), dana.get("/social-accounts"), dana.get("/auth/facebook/done"), dana.get("/social-accounts/instagram/choose"),
        me.post("/settings"), app.visitor().postWithHeaders("/signin", Map.of("Origin", "null")));
    for (HttpResponse<String> page : pages) {
      String where = page.request().method() + " " + page.uri().getPath() + " (" + page.statusCode() + ")";
      assertThat(page.headers().firstValue("Content-Security-Policy")).as(where).hasValue(expected);
      assertThat(page.body()).as(where + ": an inline script, style or event handler")
          .doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=")
          .doesNotContain("<style");
    }
    assertThat(pages.get(6).body()).as("the choice page was reached").contains("Select the Instagram account to link");
  }

  // --- redirect_uri steering and token leakage

  @Test
  void aLinkRequestCannotSteerTheRedirectUriOrTheState() {
    Visitor me = signedIn("Ada");
    String csrf = me.csrf();
    String evil = "http://evil.example/cb";
    for (String path : List.of("/social-accounts/instagram/link", "/social-accounts/instagram/facebook/start")) {
      HttpResponse<String> answer = me.post(path + "?redirect_uri=" + evil + "&state=chosen", "csrf", csrf, "redirect_uri", evil,
          "state", "chosen", "client_id", "1");
      URI authorize = URI.create(Visitor.location(answer));
      String callback = path.contains("facebook") ? "/auth/facebook/callback" : "/auth/instagram/callback";
      assertThat(ProviderScreens.query(authorize, "redirect_uri")).as(path).isEqualTo(appOrigin + callback);
      assertThat(ProviderScreens.query(authorize, "state")).as(path).isNotEqualTo("chosen").hasSizeGreaterThanOrEqualTo(32);
      assertThat(ProviderScreens.query(authorize, "client_id")).as(path).isNotEqualTo("1");
    }
  }

  @Test
  void noAnswerOfTheDashboardCarriesAToken() {
    Visitor me = signedIn("Ada");
    ProviderScreens screens = new ProviderScreens(app, me);
    List<HttpResponse<String>> answers = new java.util.ArrayList<>();
    answers.add(screens.linkInstagram(app.stubs.instagramPersonas().issueCopy("brightside.bakery")));
    answers.add(me.get("/post"));
    Visitor dana = signedIn("Dana");
    ProviderScreens facebook = new ProviderScreens(app, dana);
    facebook.saveInstagramLogin(false);
    HttpResponse<String> back = facebook.continueAs(facebook.facebookDialog(URI.create(Visitor.location(facebook.openFacebookDialog(false))),
        app.stubs.facebookPersonas().issueCopy("sam.rivers")));
    answers.add(dana.get(Visitor.location(back)));
    answers.add(dana.get("/auth/facebook/done"));
    answers.add(dana.get("/social-accounts/instagram/choose"));
    answers.add(facebook.choose("17841400000000201"));
    answers.add(dana.get("/post"));
    for (HttpResponse<String> answer : answers) {
      String all = answer.body() + " " + answer.headers().map();
      assertThat(all).as(answer.uri().toString()).doesNotContainPattern("IGAA[A-Za-z0-9_-]{8}").doesNotContainPattern("EAAG[A-Za-z0-9_-]{8}");
    }
    assertThat(answers.get(0).body()).contains("@brightside.bakery is now linked");
    assertThat(answers.get(5).body()).contains("@rivers.coffee is now linked");
  }

  // --- helpers

  private static Visitor signedIn(String name) {
    Visitor v = app.visitor();
    v.signIn(name);
    return v;
  }

  private static String sessionCookie(Visitor v) {
    return v.appCookies().stream().filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("No session cookie in " + v.appCookies()));
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }
}
