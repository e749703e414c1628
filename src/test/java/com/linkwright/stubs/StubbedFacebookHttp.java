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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The stubbed Facebook over HTTP, for the tests of its rules: one pair of stub servers per test class with two apps
 * registered, a browser on the dialog's screens with its own cookies, and the app's back-channel calls by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StubbedFacebookHttp {
  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final URI REDIRECT = URI.create("http://localhost:1/auth/facebook/callback");
  protected static final String SCOPES = "instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement,business_management";
  protected ProviderStubs stubs;
  protected URI fb;

  @BeforeAll
  void start() {
    stubs = ProviderStubs.start(Path.of("fixtures"), 0, 0);
    stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", "555", "secret", REDIRECT));
    stubs.registerWithFacebook(new RegisteredApp("Another App", "666", "other-secret", URI.create("http://localhost:2/cb")));
    fb = stubs.facebookUrl();
  }

  @AfterAll
  void stop() {
    stubs.close();
  }

  // --- a browser on Facebook's screens, with its own cookies

  protected record Dialog(String dr, String screen) {}

  protected final class Browser {
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
      HttpResponse<String> back = post("/dialog/oauth/continue", "dr", d.dr(), "decision", "continue");
      assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
      return back;
    }
  }

  protected List<String> values(String html, String name) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  protected URI dialog(String clientId, String redirect, String responseType, String scope, String state, String authType) {
    return URI.create(fb + "/v23.0/dialog/oauth?client_id=" + clientId + "&redirect_uri=" + enc(redirect) + "&response_type=" + responseType
        + "&scope=" + enc(scope) + (state == null ? "" : "&state=" + enc(state)) + (authType == null ? "" : "&auth_type=" + authType));
  }

  protected String dr(HttpResponse<String> page) {
    Matcher m = Pattern.compile("name=\"dr\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  protected String code(HttpResponse<String> back) {
    String location = back.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?code=");
    return URLDecoder.decode(location.replaceAll(".*[?&]code=([^&#]+).*", "$1"), StandardCharsets.UTF_8);
  }

  /** The code exchange as the stub takes it: a POST with the secret and the code in the body. */
  protected HttpResponse<String> tokenAnswer(String clientId, String secret, String redirect, String code) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fb + "/v23.0/oauth/access_token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("client_id=" + clientId + "&client_secret=" + enc(secret)
            + "&redirect_uri=" + enc(redirect) + "&code=" + enc(code))).build(), HttpResponse.BodyHandlers.ofString());
  }

  protected String token(String clientId, String secret, String redirect, String code) throws Exception {
    HttpResponse<String> answer = tokenAnswer(clientId, secret, redirect, code);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("access_token").asText();
  }

  protected HttpResponse<String> graphAnswer(String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fb + pathAndQuery)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> graphPost(String path, String token, String form) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fb + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  protected String graph(String pathAndQuery, String token) throws Exception {
    HttpResponse<String> answer = graphAnswer(pathAndQuery, token);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  protected void assertGraphError(HttpResponse<String> answer, int code) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body()).get("error");
    assertThat(error.get("code").asInt()).as(answer.body()).isEqualTo(code);
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
    assertThat(answer.body()).doesNotContain("access_token");
  }

  protected void assertErrorPage(HttpResponse<String> page, String message) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
    assertThat(page.body()).contains(message).doesNotContain("name=\"dr\"", "Continue as");
  }

  protected String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
