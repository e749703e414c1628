package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkwright.stubs.InstagramByHand;
import com.linkwright.stubs.InstagramPersona;
import com.linkwright.stubs.ProviderStubs;
import com.linkwright.stubs.RegisteredApp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app's OAuth client against the stubbed Instagram, over real HTTP. */
class InstagramLoginClientIT {
  private static final URI REDIRECT = URI.create("http://localhost:7070/auth/instagram/callback");
  private static ProviderStubs stubs;
  private static InstagramLoginClient client;

  @BeforeAll
  static void startStubs() {
    stubs = ProviderStubs.start(Path.of("fixtures"), 0);
    stubs.register(new RegisteredApp("Linkwright Dashboard", "42", "s3cret", REDIRECT));
    client = new InstagramLoginClient(InstagramSettings.stubbedAt(stubs.instagramUrl(), "42", "s3cret"));
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  @Test
  void authorizeUrlAsksForACodeWithTheBusinessScopesAndTheState() {
    URI url = client.authorizeUrl(REDIRECT, "st4te");
    assertThat(url.getQuery())
        .contains("client_id=42", "response_type=code", "state=st4te", "redirect_uri=" + REDIRECT)
        .contains("scope=instagram_business_basic,instagram_business_content_publish");
  }

  @Test
  void aCodeBuysATokenAndMeTellsTheAccountType() throws Exception {
    InstagramPersona persona = stubs.instagramPersonas().issueCopy("mila.creates");
    URI back = new InstagramByHand().authorize(client.authorizeUrl(REDIRECT, "st4te"), persona, true,
        InstagramSettings.PUBLISHING_SCOPES.toArray(String[]::new));
    assertThat(back.toString()).startsWith(REDIRECT + "?code=").contains("&state=st4te").endsWith("#_");

    var grant = client.exchangeCode(code(back), REDIRECT);
    assertThat(grant.permissions()).containsExactlyInAnyOrderElementsOf(InstagramSettings.PUBLISHING_SCOPES);
    assertThat(grant.toString()).doesNotContain(grant.accessToken());
    var profile = client.me(client.longLivedToken(grant.accessToken()));
    assertThat(profile.username()).isEqualTo("mila.creates");
    assertThat(profile.accountType()).isEqualTo("Media_Creator");
    assertThat(AccountTypes.isProfessional(profile.accountType())).isTrue();
  }

  @Test
  void theCodeExchangeCarriesTheSecretInItsBodyAndOnlyTheLongLivedExchangeUsesAUrl() throws Exception {
    InstagramPersona persona = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String code = code(new InstagramByHand().authorize(client.authorizeUrl(REDIRECT, "s"), persona, true));
    Instant since = Instant.now();
    String shortLived = client.exchangeCode(code, REDIRECT).accessToken();
    assertThat(stubs.instagramRequests(since, "/oauth/access_token")).singleElement().satisfies(exchange -> {
      assertThat(exchange.method()).isEqualTo("POST");
      assertThat(exchange.url()).isEqualTo("/oauth/access_token");
      assertThat(exchange.body()).contains("client_secret=s3cret", "code=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8),
          "grant_type=authorization_code");
    });
    String longLived = client.longLivedToken(shortLived);
    // Meta offers GET /access_token only: the secret and the short-lived token are in its query (README, Security)
    assertThat(stubs.instagramRequests(since, "/access_token")).singleElement().satisfies(exchange -> {
      assertThat(exchange.method()).isEqualTo("GET");
      assertThat(exchange.url()).startsWith("/access_token?grant_type=ig_exchange_token&client_secret=s3cret&access_token=");
    });
    Instant later = Instant.now();
    client.me(longLived);
    assertThat(stubs.instagramRequests(later, "/me")).singleElement()
        .satisfies(me -> assertThat(me.url()).doesNotContain(longLived).doesNotContain("access_token"));
  }

  @Test
  void aCodeWorksOnlyOnce() throws Exception {
    InstagramPersona persona = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String code = code(new InstagramByHand().authorize(client.authorizeUrl(REDIRECT, "s"), persona, true));
    client.exchangeCode(code, REDIRECT);
    assertThatThrownBy(() -> client.exchangeCode(code, REDIRECT))
        .isInstanceOf(ProviderException.class)
        .hasMessage("Matching code was not found or was already used");
  }

  @Test
  void onlyTheRequiredPermissionIsGrantedWhenNoToggleIsOn() throws Exception {
    InstagramPersona persona = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String code = code(new InstagramByHand().authorize(client.authorizeUrl(REDIRECT, "s"), persona, true));
    assertThat(client.exchangeCode(code, REDIRECT).permissions()).containsExactly("instagram_business_basic");
  }

  @Test
  void cancellingComesBackAsAccessDeniedWithTheState() throws Exception {
    InstagramPersona persona = stubs.instagramPersonas().issueCopy("brightside.bakery");
    URI back = new InstagramByHand().authorize(client.authorizeUrl(REDIRECT, "st4te"), persona, false);
    assertThat(back.getQuery()).contains("error=access_denied", "error_reason=user_denied", "state=st4te").doesNotContain("code=");
  }

  @Test
  void aTokenIsNeededForMe() {
    assertThatThrownBy(() -> client.me("IGAAnot-a-token"))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("Invalid OAuth access token").hasMessageContaining("code 190");
  }

  @Test
  void anUnregisteredRedirectIsRefusedBeforeAnyLogin() throws Exception {
    URI other = URI.create("http://localhost:6666/steal");
    var http = java.net.http.HttpClient.newHttpClient();
    var page = http.send(java.net.http.HttpRequest.newBuilder(client.authorizeUrl(other, "s")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("Redirect URI does not match registered redirect URI").doesNotContain("Log in");
  }

  private static String code(URI back) {
    return back.getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
  }
}
