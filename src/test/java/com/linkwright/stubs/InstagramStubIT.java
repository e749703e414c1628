package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stubbed Instagram's rules, both sides of each, over HTTP as the app and a browser speak to it: the registered
 * app and its exact redirect URI, the scopes, one-time requests and codes, the client secret, token exchange, /me, and
 * publishing's checks. A stub that lets a wrong request through would let the app's bugs through too.
 */
class InstagramStubIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP = "Linkwright Dashboard";
  private static final String OTHER_APP = "Another App";
  private static final URI REDIRECT = URI.create("http://localhost:1/auth/instagram/callback");
  private static final String BASIC_AND_PUBLISH = "instagram_business_basic,instagram_business_content_publish";
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static ProviderStubs stubs;
  private static HttpServer images;
  private static URI ig;

  @BeforeAll
  static void start() throws IOException {
    stubs = ProviderStubs.start(Path.of("fixtures"), 0, 0);
    stubs.register(new RegisteredApp(APP, "111", "secret", REDIRECT));
    stubs.register(new RegisteredApp(OTHER_APP, "222", "other-secret", URI.create("http://localhost:2/cb")));
    ig = stubs.instagramUrl();
    byte[] jpeg = jpeg(1080, 1080);
    byte[] eightMegabytes = Arrays.copyOf(jpeg, 8 * 1024 * 1024);
    byte[] overEight = Arrays.copyOf(jpeg, 8 * 1024 * 1024 + 1);
    images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    serve("/ok.jpg", jpeg);
    serve("/eight.jpg", eightMegabytes);
    serve("/over.jpg", overEight);
    serve("/tiny.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8});
    byte[] notJpeg = jpeg.clone();
    notJpeg[1] = 0x00;
    serve("/not-a-jpeg.jpg", notJpeg);
    serve("/gone.jpg", 404, jpeg);
    images.start();
  }

  private static void serve(String path, byte[] body) {
    serve(path, 200, body);
  }

  private static void serve(String path, int status, byte[] body) {
    images.createContext(path, ex -> {
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
  }

  @AfterAll
  static void stop() {
    stubs.close();
    images.stop(0);
  }

  // --- the authorization window: who may ask, for what, back to where

  @Test
  void theRegisteredAppWithItsExactRedirectUriGetsTheLoginWindow() throws Exception {
    HttpResponse<String> page = get(authorize("111", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, "s"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"ar\"", APP).doesNotContain("Invalid Request");
  }

  @Test
  void anUnknownAppIsRefused() throws Exception {
    assertErrorPage(get(authorize("999", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, "s")), "Invalid platform app");
  }

  @Test
  void aRedirectUriThatOnlyBeginsOrEndsLikeTheRegisteredOneIsRefused() throws Exception {
    for (String near : new String[] {REDIRECT + "/evil", REDIRECT + "x", REDIRECT.toString().substring(0, REDIRECT.toString().length() - 1),
        "http://localhost:2/cb", REDIRECT.toString().replace("localhost", "127.0.0.1")}) {
      assertErrorPage(get(authorize("111", near, "code", BASIC_AND_PUBLISH, "s")), "Redirect URI does not match registered redirect URI");
    }
    assertErrorPage(get(URI.create(ig + "/oauth/authorize?client_id=111&response_type=code&scope=instagram_business_basic")),
        "Redirect URI does not match");
  }

  @Test
  void onlyTheCodeFlowIsServed() throws Exception {
    assertErrorPage(get(authorize("111", REDIRECT.toString(), "token", BASIC_AND_PUBLISH, "s")), "Invalid response_type: only");
  }

  @Test
  void unknownScopesAreNamedAndTheBasicScopeIsRequired() throws Exception {
    assertErrorPage(get(authorize("111", REDIRECT.toString(), "code", "instagram_business_basic,user_media", "s")),
        "Invalid scope field(s): user_media");
    assertErrorPage(get(authorize("111", REDIRECT.toString(), "code", "instagram_business_content_publish", "s")),
        "Invalid scope field(s): missing instagram_business_basic");
    assertErrorPage(get(URI.create(ig + "/oauth/authorize?client_id=111&response_type=code&redirect_uri=" + enc(REDIRECT.toString()))),
        "missing instagram_business_basic");
    assertThat(get(authorize("111", REDIRECT.toString(), "code", "instagram_business_basic instagram_business_manage_messages", "s"))
        .statusCode()).as("space-separated scopes, all known").isEqualTo(200);
  }

  // --- login and consent

  @Test
  void aWrongPasswordKeepsTheLoginWindowWithInstagramsMessage() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String ar = ar(get(authorize("111", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, "s")));
    HttpResponse<String> again = post("/accounts/login", "ar=" + ar + "&username=" + enc(bakery.username()) + "&password=wrong");
    assertThat(again.body()).contains("Sorry, your password was incorrect.", "value=\"brightside.bakery\"")
        .doesNotContain("name=\"permission\"");
    HttpResponse<String> right = post("/accounts/login", "ar=" + ar + "&username=" + enc(bakery.username()) + "&password=" + enc(bakery.password()));
    assertThat(right.body()).contains("Access profile and media", "Publish content").doesNotContain("password was incorrect");
    assertThat(right.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith("sessionid="));
  }

  @Test
  void whatTheVisitorTypedAndPersonaNamesAreShownAsTextNotMarkup() throws Exception {
    String typed = "<img src=x onerror=alert(1)>\"'&";
    String ar = ar(get(authorize("111", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, "s")));
    String again = post("/accounts/login", "ar=" + ar + "&username=" + enc(typed) + "&password=wrong").body();
    assertThat(again).contains("value=\"&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;&quot;&#x27;&amp;\"").doesNotContain("<img src=x");
    InstagramPersona ada = stubs.instagramPersonas().issueCopy("<i>ada</i>&amp;co's.shop");
    assertThat(logIn(ar, ada).body()).contains("Logged in as <strong>&lt;i&gt;ada&lt;/i&gt;&amp;amp;co&#x27;s.shop</strong>");
  }

  @Test
  void aLoginWithoutAPasswordIsAWrongPassword() throws Exception {
    String ar = ar(get(authorize("111", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, "s")));
    assertThat(post("/accounts/login", "ar=" + ar + "&username=brightside.bakery").body()).contains("Sorry, your password was incorrect.");
    assertThat(post("/accounts/login", "ar=" + ar + "&password=x").body()).contains("Sorry, your password was incorrect.");
  }

  @Test
  void theJournalSaysWhatWasReceivedAndAnsweredWithEverySecretRedacted() throws Exception {
    Instant since = Instant.now();
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String location = consent(bakery, "journal-state", "allow", "instagram_business_basic");
    String code = code(location);
    HttpResponse<String> answer = token("111", "secret", "authorization_code", REDIRECT.toString(), code);
    String token = JSON.readTree(answer.body()).at("/data/0/access_token").asText();
    get(URI.create(ig + "/linkwright-test/nothing-here"));
    String journal = stubs.instagramJournal(since);
    assertThat(journal)
        .contains("POST /accounts/login", "    body: ar=", "password=[redacted]", "matched: Instagram: the login form")
        .contains("answered: 302 -> " + REDIRECT + "?code=[redacted]&state=journal-state#_")
        .contains("POST /oauth/access_token", "answered: 200  {\"data\":[{\"access_token\":\"[redacted]\"")
        .contains("GET /linkwright-test/nothing-here", "NOT MATCHED; nearest stubs:", "(distance ")
        .doesNotContain(bakery.password(), code, token, "client_secret=secret");
    assertThat(journal.indexOf("POST /accounts/login")).as("oldest first").isLessThan(journal.indexOf("POST /oauth/access_token"));
    Instant later = Instant.now().plusSeconds(60);
    assertThat(stubs.instagramJournal(later)).isEqualTo("(no requests)\n");
    assertThat(stubs.instagramReceived(later, "POST", "/oauth/access_token")).as("only what came since").isEmpty();
    assertThat(stubs.instagramReceived(since, "GET", "/oauth/access_token")).as("only that method").isEmpty();
    assertThat(stubs.instagramReceived(since, "POST", "/oauth/access_token")).singleElement()
        .satisfies(r -> assertThat(r.answer()).contains("access_token"));
  }

  @Test
  void stoppedStubsAnswerNoMoreAndABusyPortIsNamed() throws Exception {
    ProviderStubs own = ProviderStubs.start(Path.of("fixtures"), 0, 0);
    URI ownInstagram = own.instagramUrl();
    URI ownFacebook = own.facebookUrl();
    own.close();
    for (URI stopped : new URI[] {ownInstagram, ownFacebook}) {
      assertThatThrownBy(() -> get(URI.create(stopped + "/oauth/authorize")))
          .as(stopped.toString()).isInstanceOf(ConnectException.class);
    }
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      assertThatThrownBy(() -> ProviderStubs.start(Path.of("fixtures"), port, 0))
          .hasMessageStartingWith("The stubbed Instagram could not listen on 127.0.0.1:" + port + " (")
          .hasMessageContaining("Free the port or choose another.");
      int free;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        free = probe.getLocalPort();
      }
      assertThatThrownBy(() -> ProviderStubs.start(Path.of("fixtures"), free, port))
          .hasMessageStartingWith("The stubbed Facebook could not listen on 127.0.0.1:" + port + " (");
      assertThatThrownBy(() -> get(URI.create("http://127.0.0.1:" + free + "/oauth/authorize")))
          .as("the stubbed Instagram started first is stopped again").isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void aFixturesFolderWithoutMappingsIsNamed(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ProviderStubs.start(dir, 0, 0))
        .hasMessageContaining("No Instagram stubs at").hasMessageContaining("/mappings");
    Files.createDirectories(dir.resolve("instagram/mappings"));
    Files.createDirectories(dir.resolve("personas"));
    Files.copy(Path.of("fixtures/personas/instagram.json"), dir.resolve("personas/instagram.json"));
    assertThatThrownBy(() -> ProviderStubs.start(dir, 0, 0))
        .hasMessageContaining("No Facebook stubs at");
  }

  @Test
  void anUnknownOrSpentLoginRequestIsNotAvailable() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    assertThat(logIn("ar_made_up", bakery).body()).contains("The login link you followed may be broken");
    String early = ar(get(authorize("111", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, "s")));
    HttpResponse<String> beforeLogin = post("/oauth/authorize/consent", "ar=" + early + "&decision=allow");
    assertThat(beforeLogin.statusCode()).as("consent before logging in").isEqualTo(400);
    assertThat(beforeLogin.body()).contains("The login link you followed may be broken");
    String ar = ar(get(authorize("111", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, "s")));
    logIn(ar, bakery);
    assertThat(post("/oauth/authorize/consent", "ar=" + ar + "&decision=allow").statusCode()).isEqualTo(302);
    HttpResponse<String> again = post("/oauth/authorize/consent", "ar=" + ar + "&decision=allow");
    assertThat(again.statusCode()).as("the same consent a second time").isEqualTo(400);
    assertThat(again.body()).contains("The login link you followed may be broken");
  }

  @Test
  void allowRedirectsBackWithACodeAndTheStateCancelWithAccessDenied() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String allowed = consent(bakery, "st&te", "allow", "instagram_business_basic");
    assertThat(allowed).matches(Pattern.quote(REDIRECT + "?code=") + "AQ[A-Za-z0-9]+" + Pattern.quote("&state=st%26te#_"));
    String cancelled = consent(bakery, "st4te", "cancel", "instagram_business_basic");
    assertThat(cancelled).isEqualTo(REDIRECT + "?error=access_denied&error_reason=user_denied&error_description="
        + "The+user+denied+your+request&state=st4te");
    String withoutState = consent(bakery, null, "allow", "instagram_business_basic");
    assertThat(withoutState).doesNotContain("state=").endsWith("#_");
  }

  @Test
  void onlyRequestedPermissionsThatWereToggledOnAreGrantedAndTheBasicOneAlways() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    // asked for basic + publish; toggled publish and messages (not asked for): publish and basic are granted
    String code = code(consent(bakery, "s", "allow", "instagram_business_content_publish", "instagram_business_manage_messages"));
    JsonNode entry = JSON.readTree(token("111", "secret", "authorization_code", REDIRECT.toString(), code).body()).at("/data/0");
    assertThat(entry.get("permissions").asText().split(","))
        .containsExactlyInAnyOrder("instagram_business_basic", "instagram_business_content_publish");
    assertThat(entry.get("user_id").asText()).isEqualTo(bakery.userId());
    assertThat(entry.get("access_token").asText()).startsWith("IGAA");
  }

  // --- the token endpoint

  @Test
  void theTokenEndpointChecksTheClientSecretTheGrantTypeAndTheApp() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String code = code(consent(bakery, "s", "allow", "instagram_business_basic"));
    assertIgError(token("111", "secre", "authorization_code", REDIRECT.toString(), code), "Invalid Client Secret");
    assertIgError(token("111", "secret2", "authorization_code", REDIRECT.toString(), code), "Invalid Client Secret");
    assertIgError(token("333", "secret", "authorization_code", REDIRECT.toString(), code), "Invalid Client Secret");
    assertIgError(token("111", "secret", "client_credentials", REDIRECT.toString(), code), "only 'authorization_code' is supported");
    assertIgError(token("222", "other-secret", "authorization_code", REDIRECT.toString(), code),
        "Matching code was not found or was already used");
  }

  @Test
  void aCodeIsBoundToItsExactRedirectUriAndSpentByAnyTry() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String code = code(consent(bakery, "s", "allow", "instagram_business_basic"));
    assertIgError(token("111", "secret", "authorization_code", REDIRECT + "/more", code), "redirect_uri is identical");
    assertIgError(token("111", "secret", "authorization_code", REDIRECT.toString(), code), "Matching code was not found or was already used");
    String next = code(consent(bakery, "s", "allow", "instagram_business_basic"));
    assertIgError(token("111", "secret", "authorization_code", REDIRECT.toString().substring(0, REDIRECT.toString().length() - 1), next),
        "redirect_uri is identical");
    String third = code(consent(bakery, "s", "allow", "instagram_business_basic"));
    assertThat(token("111", "secret", "authorization_code", REDIRECT.toString(), third).statusCode()).isEqualTo(200);
  }

  // --- long-lived tokens and /me

  @Test
  void aShortLivedTokenIsExchangedOnceWithTheClientSecret() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String shortLived = shortLivedToken(bakery);
    assertGraphError(exchange("ig_exchange_token", "wrong", shortLived), 190);
    assertGraphError(exchange("authorization_code", "secret", shortLived), 190);
    assertGraphError(exchange("ig_exchange_token", "secret", "IGAAmade-up"), 190);
    HttpResponse<String> ok = exchange("ig_exchange_token", "secret", shortLived);
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ok.body());
    assertThat(body.get("token_type").asText()).isEqualTo("bearer");
    assertThat(body.get("expires_in").asLong()).isGreaterThan(5_000_000L);
    String longLived = body.get("access_token").asText();
    assertThat(longLived).isNotEqualTo(shortLived);
    assertGraphError(exchange("ig_exchange_token", "secret", longLived), 190);
    assertThat(exchange("ig_exchange_token", "other-secret", shortLived).statusCode()).as("any registered app's secret").isEqualTo(200);
  }

  @Test
  void theLongLivedExchangeIsAGetOnlyAsMetaDocumentsIt() throws Exception {
    String shortLived = shortLivedToken(stubs.instagramPersonas().issueCopy("brightside.bakery"));
    HttpResponse<String> post = post("/access_token", "grant_type=ig_exchange_token&client_secret=secret&access_token=" + enc(shortLived));
    assertGraphError(post, 100);
    assertThat(post.body()).contains("Unsupported post request. Object with ID 'access_token' does not exist");
    assertThat(exchange("ig_exchange_token", "secret", shortLived).statusCode()).as("the GET still works after it").isEqualTo(200);
  }

  @Test
  void theCodeExchangeRefusesTheSecretAndTheCodeInTheUrl() throws Exception {
    String code = code(consent(stubs.instagramPersonas().issueCopy("brightside.bakery"), "s", "allow"));
    String form = "client_id=111&client_secret=secret&grant_type=authorization_code&redirect_uri=" + enc(REDIRECT.toString())
        + "&code=" + enc(code);
    for (String inUrl : java.util.List.of("client_secret=secret", "code=" + enc(code))) {
      assertIgError(post("/oauth/access_token?" + inUrl, form), "client_secret and code go in the form body of this POST, not in its URL");
    }
    // refused before the code was looked at: in the body alone, it buys a token (once)
    assertThat(post("/oauth/access_token", form).statusCode()).isEqualTo(200);
  }

  @Test
  void meAnswersOnlyToALiveTokenInTheHeaderOrTheQuery() throws Exception {
    InstagramPersona mila = stubs.instagramPersonas().issueCopy("mila.creates");
    String token = shortLivedToken(mila);
    assertGraphError(get(URI.create(ig + "/me?fields=username")), 190);
    assertGraphError(send(HttpRequest.newBuilder(URI.create(ig + "/me?fields=username")).header("Authorization", "Basic " + token).GET()), 190);
    JsonNode viaQuery = JSON.readTree(get(URI.create(ig + "/me?fields=user_id,username,name,account_type,email&access_token=" + enc(token))).body());
    assertThat(viaQuery.get("user_id").asText()).isEqualTo(mila.userId());
    assertThat(viaQuery.get("username").asText()).isEqualTo("mila.creates");
    assertThat(viaQuery.get("name").asText()).isEqualTo("Mila Creates");
    assertThat(viaQuery.get("account_type").asText()).isEqualTo("Media_Creator");
    assertThat(viaQuery.has("email")).isFalse();
    JsonNode defaults = JSON.readTree(send(HttpRequest.newBuilder(URI.create(ig + "/me")).header("Authorization", "Bearer " + token).GET()).body());
    assertThat(defaults.get("id").asText()).isEqualTo(mila.userId());
    assertThat(defaults.get("username").asText()).isEqualTo("mila.creates");
    assertThat(defaults.has("account_type")).isFalse();
  }

  // --- publishing

  @Test
  void publishingNeedsALiveTokenForThisAccountWithThePublishPermission() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String withPublish = longLived(bakery, "instagram_business_content_publish");
    String basicOnly = longLived(bakery, "instagram_business_basic");
    String path = "/" + bakery.userId() + "/media";
    assertGraphError(graphPost(null, path, "image_url=" + enc(imageUrl("/ok.jpg"))), 190);
    assertGraphError(graphPost("IGAAmade-up", path, "image_url=" + enc(imageUrl("/ok.jpg"))), 190);
    assertThat(graphPost(null, path, "image_url=" + enc(imageUrl("/ok.jpg")) + "&access_token=" + enc(withPublish)).statusCode())
        .as("the token in the form").isEqualTo(200);
    JsonNode elsewhere = graphError(graphPost(withPublish, "/" + bakery.userId() + "1/media", "image_url=" + enc(imageUrl("/ok.jpg"))), 100);
    assertThat(elsewhere.get("error_subcode").asInt()).isEqualTo(33);
    graphError(graphPost(basicOnly, path, "image_url=" + enc(imageUrl("/ok.jpg"))), 10);
    stubs.instagramPersonas().state(bakery).revokeAccess();
    JsonNode revoked = graphError(graphPost(withPublish, path, "image_url=" + enc(imageUrl("/ok.jpg"))), 190);
    assertThat(revoked.get("error_subcode").asInt()).isEqualTo(458);
    assertThat(revoked.get("message").asText()).contains("User " + bakery.userId() + " has not authorized application 111");
  }

  @Test
  void aContainerNeedsAJpegImageUrlUpToEightMegabytes() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String token = longLived(bakery, "instagram_business_content_publish");
    String path = "/" + bakery.userId() + "/media";
    graphError(graphPost(token, path, "caption=x"), 100);
    graphError(graphPost(token, path, "image_url="), 100);
    assertThat(graphError(graphPost(token, path, "image_url=" + enc(imageUrl("/missing.jpg"))), 9004).get("error_subcode").asInt())
        .isEqualTo(2207052);
    graphError(graphPost(token, path, "image_url=" + enc("http://127.0.0.1:1/refused.jpg")), 9004);
    graphError(graphPost(token, path, "image_url=" + enc(imageUrl("/tiny.jpg"))), 9004);
    graphError(graphPost(token, path, "image_url=" + enc(imageUrl("/not-a-jpeg.jpg"))), 9004);
    graphError(graphPost(token, path, "image_url=" + enc(imageUrl("/gone.jpg"))), 9004);
    assertThat(graphPost(token, path, "image_url=" + enc(imageUrl("/eight.jpg"))).statusCode()).as("exactly 8 MB").isEqualTo(200);
    assertThat(graphError(graphPost(token, path, "image_url=" + enc(imageUrl("/over.jpg"))), 36000).get("error_subcode").asInt())
        .isEqualTo(2207004);
  }

  @Test
  void aContainerIsPublishedOnceByItsOwnAccount() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    InstagramPersona mila = stubs.instagramPersonas().issueCopy("mila.creates");
    String token = longLived(bakery, "instagram_business_content_publish");
    String milaToken = longLived(mila, "instagram_business_content_publish");
    HttpResponse<String> created = graphPost(token, "/" + bakery.userId() + "/media", "image_url=" + enc(imageUrl("/ok.jpg")));
    String container = JSON.readTree(created.body()).get("id").asText();
    assertThat(container).matches("1789[0-9]{13}");
    graphError(graphPost(token, "/" + bakery.userId() + "/media_publish", ""), 100);
    graphError(graphPost(token, "/" + bakery.userId() + "/media_publish", "creation_id=17890000000000000"), 100);
    graphError(graphPost(milaToken, "/" + mila.userId() + "/media_publish", "creation_id=" + container), 100);
    HttpResponse<String> published = graphPost(token, "/" + bakery.userId() + "/media_publish", "creation_id=" + container);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(published.body()).get("id").asText()).matches("1789[0-9]{13}").isNotEqualTo(container);
    assertThat(graphError(graphPost(token, "/" + bakery.userId() + "/media_publish", "creation_id=" + container), 100)
        .get("message").asText()).contains("published already");
  }

  // --- Apps and websites

  @Test
  void removingAnAppTheAccountNeverAuthorizedKeepsItsTokensWorking() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    Flow flow = authorizeAs(bakery, "s", "allow", "instagram_business_basic");
    String token = tokenFromCode(flow.location);
    HttpResponse<String> removed = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/remove")).header("Cookie", flow.cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("app=" + enc(OTHER_APP))));
    assertThat(removed.headers().firstValue("Location")).hasValue("/accounts/manage_access/?removed=Another+App");
    assertThat(send(HttpRequest.newBuilder(URI.create(ig + "/me")).header("Authorization", "Bearer " + token).GET()).statusCode())
        .isEqualTo(200);
    HttpResponse<String> page = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/?removed=" + enc(APP))).header("Cookie", flow.cookie).GET());
    assertThat(page.body()).contains("Remove " + APP);
    send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/remove")).header("Cookie", flow.cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("app=" + enc(APP))));
    assertThat(send(HttpRequest.newBuilder(URI.create(ig + "/me")).header("Authorization", "Bearer " + token).GET()).statusCode())
        .as("removing the app revokes its tokens").isEqualTo(400);
  }

  @Test
  void removingNeedsTheInstagramLogin() throws Exception {
    HttpResponse<String> removed = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/remove"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("app=" + enc(APP))));
    assertThat(removed.body()).contains("Log in to see your apps and websites.");
    assertThat(removed.statusCode()).isNotEqualTo(303);
  }

  @Test
  void anAppAuthorizedBeforeAndAgainIsListedOnce() throws Exception {
    InstagramPersona sam = stubs.instagramPersonas().issueCopy("sam.returns");
    Flow flow = authorizeAs(sam, "s", "allow", "instagram_business_basic");
    String page = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/")).header("Cookie", flow.cookie).GET()).body();
    assertThat(page.split(Pattern.quote("Remove " + APP), -1)).as("listed once").hasSize(2);
  }

  @Test
  void codesAndTokensAreNeverTheSameTwice() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String first = consent(bakery, "s", "allow", "instagram_business_basic");
    String second = consent(bakery, "s", "allow", "instagram_business_basic");
    assertThat(code(first)).isNotEqualTo(code(second));
    assertThat(tokenFromCode(first)).isNotEqualTo(tokenFromCode(second));
  }

  // --- helpers: a person and the app, by hand

  private record Flow(String location, String cookie) {}

  private static URI authorize(String clientId, String redirect, String responseType, String scope, String state) {
    return URI.create(ig + "/oauth/authorize?client_id=" + clientId + "&redirect_uri=" + enc(redirect) + "&response_type=" + responseType
        + "&scope=" + enc(scope) + (state == null ? "" : "&state=" + enc(state)));
  }

  private static HttpResponse<String> logIn(String ar, InstagramPersona persona) throws Exception {
    return post("/accounts/login", "ar=" + ar + "&username=" + enc(persona.username()) + "&password=" + enc(persona.password()));
  }

  private static Flow authorizeAs(InstagramPersona persona, String state, String decision, String... toggledOn) throws Exception {
    String ar = ar(get(authorize("111", REDIRECT.toString(), "code", BASIC_AND_PUBLISH, state)));
    HttpResponse<String> login = logIn(ar, persona);
    StringBuilder form = new StringBuilder("ar=" + ar + "&decision=" + decision);
    for (String p : toggledOn) {
      form.append("&permission=").append(enc(p));
    }
    HttpResponse<String> back = post("/oauth/authorize/consent", form.toString());
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    return new Flow(back.headers().firstValue("Location").orElseThrow(), login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
  }

  private static String consent(InstagramPersona persona, String state, String decision, String... toggledOn) throws Exception {
    return authorizeAs(persona, state, decision, toggledOn).location;
  }

  private static String code(String location) {
    return URLDecoder.decode(find(location, "code=([^&#]+)"), StandardCharsets.UTF_8);
  }

  private static String tokenFromCode(String location) throws Exception {
    HttpResponse<String> answer = token("111", "secret", "authorization_code", REDIRECT.toString(), code(location));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).at("/data/0/access_token").asText();
  }

  private static String shortLivedToken(InstagramPersona persona) throws Exception {
    return tokenFromCode(consent(persona, "s", "allow", "instagram_business_basic"));
  }

  private static String longLived(InstagramPersona persona, String toggledOn) throws Exception {
    String shortLived = tokenFromCode(consent(persona, "s", "allow", toggledOn));
    return JSON.readTree(exchange("ig_exchange_token", "secret", shortLived).body()).get("access_token").asText();
  }

  private static HttpResponse<String> token(String clientId, String secret, String grantType, String redirect, String code) throws Exception {
    return post("/oauth/access_token", "client_id=" + clientId + "&client_secret=" + enc(secret) + "&grant_type=" + grantType
        + "&redirect_uri=" + enc(redirect) + "&code=" + enc(code));
  }

  private static HttpResponse<String> exchange(String grantType, String secret, String token) throws Exception {
    return get(URI.create(ig + "/access_token?grant_type=" + grantType + "&client_secret=" + enc(secret) + "&access_token=" + enc(token)));
  }

  private static void assertErrorPage(HttpResponse<String> page, String message) {
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains(message).doesNotContain("name=\"ar\"");
  }

  private static void assertIgError(HttpResponse<String> answer, String message) throws IOException {
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("error_message").asText()).contains(message);
    assertThat(body.get("error_type").asText()).isEqualTo("OAuthException");
    assertThat(body.has("access_token")).isFalse();
  }

  private static void assertGraphError(HttpResponse<String> answer, int code) throws IOException {
    graphError(answer, code);
  }

  private static JsonNode graphError(HttpResponse<String> answer, int code) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body()).get("error");
    assertThat(error.get("code").asInt()).as(answer.body()).isEqualTo(code);
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
    return error;
  }

  private static String ar(HttpResponse<String> page) {
    return find(page.body(), "name=\"ar\" value=\"([^\"]+)\"");
  }

  private static HttpResponse<String> graphPost(String token, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(ig.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  private static HttpResponse<String> post(String path, String form) throws Exception {
    return send(HttpRequest.newBuilder(ig.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String imageUrl(String path) {
    return "http://127.0.0.1:" + images.getAddress().getPort() + path;
  }

  private static byte[] jpeg(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
    return out.toByteArray();
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
