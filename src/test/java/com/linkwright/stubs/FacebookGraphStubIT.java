package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stubbed Facebook's back channel, both sides of each rule: what a token may read (only what the user shared on the
 * dialog's screens, an Instagram account only with instagram_basic), the token endpoint (app, secret, one-time code,
 * exact redirect URI, only in a POST's body), and the journal.
 */
class FacebookGraphStubIT extends StubbedFacebookHttp {
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
    b.post("/dialog/oauth/continue", "dr", d.dr(), "decision", "edit");
    // a first choice, then the screen sent again (the browser's Back button) with another; and an id that is not Sam's
    b.post("/dialog/oauth/instagram-accounts", "dr", d.dr(), "instagram", "17841400000000201");
    b.post("/dialog/oauth/instagram-accounts", "dr", d.dr(), "instagram", "17841400000000202", "instagram", "17841400000000101");
    b.post("/dialog/oauth/pages", "dr", d.dr(), "page", "104000000000201", "page", "104000000000101");
    b.post("/dialog/oauth/pages", "dr", d.dr(), "page", "104000000000202", "page", "104000000000101");
    String token = token("555", "secret", REDIRECT.toString(), code(b.post("/dialog/oauth/permissions", "dr", d.dr(),
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
    String accounts = b.post("/dialog/oauth/continue", "dr", d.dr(), "decision", "edit").body();
    assertThat(accounts).contains("brightside.bakery").doesNotContain("No Instagram Business or Creator account is connected");
    String pages = b.post("/dialog/oauth/instagram-accounts", "dr", d.dr(), "instagram", "17841400000000101").body();
    assertThat(pages).contains("Brightside Bakery", "Bakery</small>").doesNotContain("You don't have any Facebook Pages.");
    String noPassword = b.post("/login", "dr", d.dr(), "email", "dana@brightside.example").body();
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
    b.post("/dialog/oauth/continue", "dr", d.dr(), "decision", "edit");
    b.post("/dialog/oauth/instagram-accounts", "dr", d.dr(), "instagram", "17841400000000101");
    b.post("/dialog/oauth/pages", "dr", d.dr(), "page", "104000000000101");
    String token = token("555", "secret", REDIRECT.toString(), code(b.post("/dialog/oauth/permissions", "dr", d.dr(), "perm.instagram_basic", "no")));
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
}
