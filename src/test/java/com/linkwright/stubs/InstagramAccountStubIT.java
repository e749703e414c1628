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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stubbed Instagram's account state and publishing, spoken to over HTTP as the app speaks to it. */
class InstagramAccountStubIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String APP = "Linkwright Dashboard";
  private static final URI REDIRECT = URI.create("http://localhost:1/auth/instagram/callback");
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static ProviderStubs stubs;
  private static HttpServer images;
  private static URI ig;

  @BeforeAll
  static void start() throws IOException {
    stubs = ProviderStubs.start(Path.of("fixtures"), 0);
    stubs.register(new RegisteredApp(APP, "111", "secret", REDIRECT));
    ig = stubs.instagramUrl();
    BufferedImage image = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    images.createContext("/ok.jpg", ex -> {
      ex.sendResponseHeaders(200, jpeg.size());
      ex.getResponseBody().write(jpeg.toByteArray());
      ex.close();
    });
    images.createContext("/not.png", ex -> {
      byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
      ex.sendResponseHeaders(200, png.length);
      ex.getResponseBody().write(png);
      ex.close();
    });
    images.start();
  }

  @AfterAll
  static void stop() {
    stubs.close();
    images.stop(0);
  }

  @Test
  void aStaleTypeIsReportedUntilThisCopyIsSwitchedToPersonalAndBack() throws Exception {
    InstagramPersona mine = stubs.instagramPersonas().issueCopy("nora.resets");
    InstagramPersona other = stubs.instagramPersonas().issueCopy("nora.resets");
    assertThat(me(link(mine).token).get("account_type").asText()).isEqualTo("Personal");

    stubs.instagramPersonas().state(mine).switchAccountType("Personal");
    stubs.instagramPersonas().state(mine).switchAccountType("Media_Creator");

    assertThat(me(link(mine).token).get("account_type").asText()).isEqualTo("Media_Creator");
    assertThat(me(link(other).token).get("account_type").asText()).as("another scenario's copy").isEqualTo("Personal");
  }

  @Test
  void anAppAuthorizedBeforeGetsSessionInvalidUntilRemovedUnderAppsAndWebsites() throws Exception {
    InstagramPersona sam = stubs.instagramPersonas().issueCopy("sam.returns");
    Flow first = authorize(sam);
    HttpResponse<String> refused = tokenFor(first.code);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body())).isEqualTo(JSON.readTree(
        "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Session Invalid\"}"));

    HttpResponse<String> apps = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/")).header("Cookie", first.cookie).GET());
    assertThat(apps.body()).contains("Apps and websites", "Logged in as <strong>sam.returns</strong>", "Remove " + APP);
    HttpResponse<String> removed = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/remove")).header("Cookie", first.cookie)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("app=" + enc(APP))));
    assertThat(removed.statusCode()).isEqualTo(303);
    assertThat(stubs.instagramPersonas().state(sam).apps()).doesNotContain(APP);

    assertThat(me(link(sam).token).get("username").asText()).isEqualTo("sam.returns");
  }

  @Test
  void appsAndWebsitesNeedsTheInstagramLogin() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(ig.resolve("/accounts/manage_access/")).GET());
    assertThat(page.body()).contains("Log in to see your apps and websites.").doesNotContain("Remove");
  }

  @Test
  void aRevokedTokenAnswersGraphError190() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    String token = link(bakery).token;
    assertThat(me(token).get("username").asText()).isEqualTo("brightside.bakery");

    stubs.instagramPersonas().state(bakery).revokeAccess();

    HttpResponse<String> answer = send(HttpRequest.newBuilder(ig.resolve("/me?fields=user_id,username,account_type"))
        .header("Authorization", "Bearer " + token).GET());
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(answer.body()).get("error");
    assertThat(error.get("code").asInt()).isEqualTo(190);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(458);
    assertThat(error.get("type").asText()).isEqualTo("OAuthException");
  }

  @Test
  void anImageIsDownloadedIntoAContainerThenPublishedOnce() throws Exception {
    Instant since = Instant.now();
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    Linked linked = link(bakery);
    String base = "/" + bakery.userId();
    HttpResponse<String> container = graphPost(linked.token, base + "/media",
        "image_url=" + enc(imageUrl("/ok.jpg")) + "&caption=" + enc("Fresh bread"));
    assertThat(container.statusCode()).isEqualTo(200);
    String containerId = JSON.readTree(container.body()).get("id").asText();

    HttpResponse<String> published = graphPost(linked.token, base + "/media_publish", "creation_id=" + containerId);
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(published.body()).get("id").asText()).matches("[0-9]{17}");
    assertThat(graphPost(linked.token, base + "/media_publish", "creation_id=" + containerId).statusCode())
        .as("a container is published once").isEqualTo(400);

    var received = stubs.instagramReceived(since, "POST", base + "/media");
    assertThat(received).hasSize(1);
    assertThat(received.get(0).body()).contains("caption=Fresh+bread");
    assertThat(received.get(0).answer()).contains(containerId);
    assertThat(stubs.instagramReceived(since, "POST", "/" + bakery.userId() + "0/media")).as("another account's path").isEmpty();
  }

  @Test
  void publishingRefusesOtherAccountsAndImagesThatAreNotJpeg() throws Exception {
    InstagramPersona bakery = stubs.instagramPersonas().issueCopy("brightside.bakery");
    Linked linked = link(bakery);
    HttpResponse<String> notJpeg = graphPost(linked.token, "/" + bakery.userId() + "/media", "image_url=" + enc(imageUrl("/not.png")));
    assertThat(JSON.readTree(notJpeg.body()).at("/error/error_subcode").asInt()).isEqualTo(2207052);
    HttpResponse<String> elsewhere = graphPost(linked.token, "/17841499999999999/media", "image_url=" + enc(imageUrl("/ok.jpg")));
    assertThat(JSON.readTree(elsewhere.body()).at("/error/code").asInt()).isEqualTo(100);
  }

  // --- the direct flow over HTTP, as the browser and the app would drive it

  private record Flow(String code, String cookie) {}

  private record Linked(String token) {}

  private static Flow authorize(InstagramPersona persona) throws Exception {
    String query = "client_id=111&redirect_uri=" + enc(REDIRECT.toString()) + "&response_type=code&state=s1"
        + "&scope=" + enc("instagram_business_basic,instagram_business_content_publish");
    HttpResponse<String> login = send(HttpRequest.newBuilder(ig.resolve("/oauth/authorize?" + query)).GET());
    String ar = find(login.body(), "name=\"ar\" value=\"([^\"]+)\"");
    HttpResponse<String> permissions = send(form("/accounts/login",
        "ar=" + ar + "&username=" + enc(persona.username()) + "&password=" + enc(persona.password())));
    String cookie = permissions.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> back = send(form("/oauth/authorize/consent", "ar=" + ar
        + "&permission=instagram_business_basic&permission=instagram_business_content_publish&decision=allow"));
    return new Flow(find(back.headers().firstValue("Location").orElseThrow(), "code=([^&#]+)"), cookie);
  }

  private static Linked link(InstagramPersona persona) throws Exception {
    HttpResponse<String> token = tokenFor(authorize(persona).code);
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    String shortLived = JSON.readTree(token.body()).at("/data/0/access_token").asText();
    HttpResponse<String> longLived = send(HttpRequest.newBuilder(ig.resolve("/access_token?grant_type=ig_exchange_token&client_secret=secret&access_token="
        + enc(shortLived))).GET());
    return new Linked(JSON.readTree(longLived.body()).get("access_token").asText());
  }

  private static HttpResponse<String> tokenFor(String code) throws Exception {
    return send(form("/oauth/access_token", "client_id=111&client_secret=secret&grant_type=authorization_code&redirect_uri="
        + enc(REDIRECT.toString()) + "&code=" + code));
  }

  private static JsonNode me(String token) throws Exception {
    HttpResponse<String> me = send(HttpRequest.newBuilder(ig.resolve("/me?fields=user_id,username,account_type"))
        .header("Authorization", "Bearer " + token).GET());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    return JSON.readTree(me.body());
  }

  private static HttpResponse<String> graphPost(String token, String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(ig.resolve(path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpRequest.Builder form(String path, String body) {
    return HttpRequest.newBuilder(ig.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String imageUrl(String path) {
    return "http://127.0.0.1:" + images.getAddress().getPort() + path;
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
