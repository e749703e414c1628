package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stubbed Instagram's back channel, both sides of each rule: the code exchange (client secret, one-time codes bound
 * to their redirect URI), the long-lived token, /me, publishing's checks, and what removing an app does to its tokens.
 */
class InstagramGraphStubIT extends StubbedInstagramHttp {
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
    String token = tokenFromCode(flow.location());
    HttpResponse<String> removed = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/remove")).header("Cookie", flow.cookie())
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("app=" + enc(OTHER_APP))));
    assertThat(removed.headers().firstValue("Location")).hasValue("/accounts/manage_access/?removed=Another+App");
    assertThat(send(HttpRequest.newBuilder(URI.create(ig + "/me")).header("Authorization", "Bearer " + token).GET()).statusCode())
        .isEqualTo(200);
    HttpResponse<String> page = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/?removed=" + enc(APP))).header("Cookie", flow.cookie()).GET());
    assertThat(page.body()).contains("Remove " + APP);
    send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/remove")).header("Cookie", flow.cookie())
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
    String page = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/")).header("Cookie", flow.cookie()).GET()).body();
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
}
