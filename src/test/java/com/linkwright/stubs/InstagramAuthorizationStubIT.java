package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stubbed Instagram's authorization window, both sides of each rule: the registered app and its exact redirect URI,
 * the scopes, the login, one-time requests, consent and the redirect back; and the stubs' own start, stop and journal.
 * A stub that lets a wrong request through would let the app's bugs through too.
 */
class InstagramAuthorizationStubIT extends StubbedInstagramHttp {
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
}
