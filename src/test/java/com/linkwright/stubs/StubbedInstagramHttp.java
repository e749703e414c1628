package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The stubbed Instagram over HTTP, as the app and a browser speak to it, for the tests of its rules: one pair of stub
 * servers (and a server of test images for publishing) per test class, and a person's and the app's requests by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StubbedInstagramHttp {
  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final String APP = "Linkwright Dashboard";
  protected static final String OTHER_APP = "Another App";
  protected static final URI REDIRECT = URI.create("http://localhost:1/auth/instagram/callback");
  protected static final String BASIC_AND_PUBLISH = "instagram_business_basic,instagram_business_content_publish";
  protected static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  protected ProviderStubs stubs;
  private HttpServer images;
  protected URI ig;

  @BeforeAll
  void start() throws IOException {
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

  protected void serve(String path, byte[] body) {
    serve(path, 200, body);
  }

  protected void serve(String path, int status, byte[] body) {
    images.createContext(path, ex -> {
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
  }

  @AfterAll
  void stop() {
    stubs.close();
    images.stop(0);
  }

  // --- a person and the app, by hand

  protected record Flow(String location, String cookie) {}

  protected URI authorize(String clientId, String redirect, String responseType, String scope, String state) {
    return URI.create(ig + "/oauth/authorize?client_id=" + clientId + "&redirect_uri=" + enc(redirect) + "&response_type=" + responseType
        + "&scope=" + enc(scope) + (state == null ? "" : "&state=" + enc(state)));
  }

  protected HttpResponse<String> logIn(String ar, InstagramPersona persona) throws Exception {
    return post("/accounts/login", "ar=" + ar + "&username=" + enc(persona.username()) + "&password=" + enc(persona.password()));
  }

  protected Flow authorizeAs(InstagramPersona persona, String state, String decision, String... toggledOn) throws Exception {
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

  protected String consent(InstagramPersona persona, String state, String decision, String... toggledOn) throws Exception {
    return authorizeAs(persona, state, decision, toggledOn).location();
  }

  protected String code(String location) {
    return URLDecoder.decode(find(location, "code=([^&#]+)"), StandardCharsets.UTF_8);
  }

  protected String tokenFromCode(String location) throws Exception {
    HttpResponse<String> answer = token("111", "secret", "authorization_code", REDIRECT.toString(), code(location));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).at("/data/0/access_token").asText();
  }

  protected String shortLivedToken(InstagramPersona persona) throws Exception {
    return tokenFromCode(consent(persona, "s", "allow", "instagram_business_basic"));
  }

  protected String longLived(InstagramPersona persona, String toggledOn) throws Exception {
    String shortLived = tokenFromCode(consent(persona, "s", "allow", toggledOn));
    return JSON.readTree(exchange("ig_exchange_token", "secret", shortLived).body()).get("access_token").asText();
  }

  protected HttpResponse<String> token(String clientId, String secret, String grantType, String redirect, String code) throws Exception {
    return post("/oauth/access_token", "client_id=" + clientId + "&client_secret=" + enc(secret) + "&grant_type=" + grantType
        + "&redirect_uri=" + enc(redirect) + "&code=" + enc(code));
  }

  protected HttpResponse<String> exchange(String grantType, String secret, String token) throws Exception {
    return get(URI.create(ig + "/access_token?grant_type=" + grantType + "&client_secret=" + enc(secret) + "&access_token=" + enc(token)));
  }

  protected void assertErrorPage(HttpResponse<String> page, String message) {
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains(message).doesNotContain("name=\"ar\"");
  }

  protected void assertIgError(HttpResponse<String> answer, String message) throws IOException {
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("error_message").asText()).contains(message);
    assertThat(body.get("error_type").asText()).isEqualTo("OAuthException");
    assertThat(body.has("access_token")).isFalse();
  }

  protected void assertGraphError(HttpResponse<String> answer, int code) throws IOException {
    graphError(answer, code);
  }

  protected JsonNode graphError(HttpResponse<String> answer, int code) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body()).get("error");
    assertThat(error.get("code").asInt()).as(answer.body()).isEqualTo(code);
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
    return error;
  }

  protected String ar(HttpResponse<String> page) {
    return find(page.body(), "name=\"ar\" value=\"([^\"]+)\"");
  }

  protected HttpResponse<String> graphPost(String token, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(ig.resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  protected HttpResponse<String> get(URI uri) throws Exception {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  protected HttpResponse<String> post(String path, String form) throws Exception {
    return send(HttpRequest.newBuilder(ig.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  protected String imageUrl(String path) {
    return "http://127.0.0.1:" + images.getAddress().getPort() + path;
  }

  protected byte[] jpeg(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", out);
    return out.toByteArray();
  }

  protected String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'%s' in %s", regex, text).isTrue();
    return m.group(1);
  }

  protected String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
