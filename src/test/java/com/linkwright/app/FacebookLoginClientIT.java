package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.ProviderStubs;
import com.linkwright.stubs.RegisteredApp;
import com.linkwright.stubs.UnknownPersonaException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's Facebook client against the stubbed Facebook: a user goes through the dialog's screens (as plain HTTP
 * form posts), and the client exchanges the code and reads what the user shared.
 *
 * <p>Over 250 lines because each test is one of the dialog's outcomes the client must read right; they share the
 * walk through the screens, which would otherwise be written twice.
 */
class FacebookLoginClientIT {
  private static final URI REDIRECT = URI.create("http://localhost:7070/auth/facebook/callback");
  private static final String APP_ID = "1234567890";
  private static final String SECRET = "test-secret";
  private static ProviderStubs stubs;
  private static FacebookLoginClient client;
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static GraphPublishingClient facebookGraph;
  /** Serves a JPEG for the stubbed Facebook to download, as the dashboard does for a post. */
  private static HttpServer images;

  @BeforeAll
  static void startStubs() throws IOException {
    stubs = ProviderStubs.start(Path.of("fixtures"), 0, 0);
    stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", APP_ID, SECRET, REDIRECT));
    FacebookSettings settings = FacebookSettings.stubbedAt(stubs.facebookUrl(), APP_ID, SECRET);
    client = new FacebookLoginClient(settings);
    facebookGraph = new GraphPublishingClient(settings.graphUrl(), "Facebook");
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    images.createContext("/ok.jpg", ex -> {
      ex.sendResponseHeaders(200, jpeg.size());
      ex.getResponseBody().write(jpeg.toByteArray());
      ex.close();
    });
    images.start();
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
    images.stop(0);
  }

  private static URI image() {
    return URI.create("http://127.0.0.1:" + images.getAddress().getPort() + "/ok.jpg");
  }

  // --- publishing through the Page (Instagram API with Facebook Login), with the app's GraphPublishingClient

  @Test
  void aGrantedTokenPublishesToASelectedAccountOnce() throws Exception {
    Instant since = Instant.now();
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    String token = client.exchangeCode(codeAfterDialog(dana, null, Map.of()), REDIRECT);
    String container = facebookGraph.createContainer("17841400000000101", token, image(), "Sourdough Saturday");
    String media = facebookGraph.publish("17841400000000101", token, container);
    assertThat(container).matches("[0-9]{17}");
    assertThat(media).matches("[0-9]{17}").isNotEqualTo(container);
    assertThatThrownBy(() -> facebookGraph.publish("17841400000000101", token, container))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("published already");
    var received = stubs.facebookReceived(since, "POST", "/17841400000000101/media", dana.userId());
    assertThat(received).singleElement().satisfies(r -> assertThat(r.body()).contains("caption=Sourdough+Saturday"));
    assertThat(stubs.facebookReceived(since, "POST", "/17841400000000101/media", dana.userId() + "0"))
        .as("another Facebook user's calls").isEmpty();
  }

  @Test
  void anInstagramAccountNotSelectedInTheDialogIsRefused() throws Exception {
    FacebookPersona sam = stubs.facebookPersonas().issueCopy("sam.rivers");
    // only @rivers.coffee checked on the Instagram accounts screen, every Page shared
    String token = client.exchangeCode(codeAfterDialog(sam, List.of("17841400000000201"), Map.of()), REDIRECT);
    assertThat(facebookGraph.createContainer("17841400000000201", token, image(), "Coffee")).isNotBlank();
    assertThatThrownBy(() -> facebookGraph.createContainer("17841400000000202", token, image(), "Studio"))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("Object with ID '17841400000000202' does not exist")
        .satisfies(e -> assertThat(((ProviderException) e).errorCode()).isEqualTo(100));
  }

  @Test
  void withoutInstagramContentPublishNothingIsPublished() throws Exception {
    Instant since = Instant.now();
    FacebookPersona dana = stubs.facebookPersonas().issueCopy("dana.baker");
    String token = client.exchangeCode(codeAfterDialog(dana, null, Map.of("instagram_content_publish", "no")), REDIRECT);
    assertThatThrownBy(() -> facebookGraph.createContainer("17841400000000101", token, image(), "Not allowed"))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("Application does not have permission for this action")
        .satisfies(e -> assertThat(((ProviderException) e).errorCode()).isEqualTo(10));
    assertThatThrownBy(() -> facebookGraph.publish("17841400000000101", token, "17890000000000001"))
        .isInstanceOf(ProviderException.class)
        .satisfies(e -> assertThat(((ProviderException) e).errorCode()).isEqualTo(10));
  }

  @Test
  void anUnknownTokenCannotPublish() {
    assertThatThrownBy(() -> facebookGraph.createContainer("17841400000000101", "EAAGnot-a-token", image(), "x"))
        .isInstanceOf(ProviderException.class)
        .satisfies(e -> assertThat(((ProviderException) e).errorCode()).isEqualTo(190));
  }

  @Test
  void theCodeAndTheSecretTravelInThePostBodyNeverInTheUrl() throws Exception {
    String code = codeAfterDialog("dana.baker", Map.of());
    Instant since = Instant.now();
    assertThat(client.exchangeCode(code, REDIRECT)).startsWith("EAAG");
    assertThat(stubs.facebookRequests(since, "/oauth/access_token")).singleElement().satisfies(exchange -> {
      assertThat(exchange.method()).isEqualTo("POST");
      assertThat(exchange.url()).isEqualTo("/v23.0/oauth/access_token");
      assertThat(exchange.body()).contains("client_id=" + APP_ID, "client_secret=" + SECRET, "code=" + enc(code),
          "redirect_uri=" + enc(REDIRECT.toString()));
    });
  }

  @Test
  void aCodeIsExchangedOnceOnly() throws Exception {
    String code = codeAfterDialog("dana.baker", Map.of());
    String token = client.exchangeCode(code, REDIRECT);
    assertThat(token).isNotBlank();
    assertThatThrownBy(() -> client.exchangeCode(code, REDIRECT))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("This authorization code has been used.")
        .hasMessageContaining("(code 100)");
  }

  @Test
  void aCodeIsBoundToTheRedirectUri() throws Exception {
    String code = codeAfterDialog("dana.baker", Map.of());
    assertThatThrownBy(() -> client.exchangeCode(code, URI.create("http://localhost:7070/elsewhere")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("redirect_uri is identical");
  }

  @Test
  void readsThePagesTheirTasksAndTheInstagramAccountBehindThem() throws Exception {
    String token = client.exchangeCode(codeAfterDialog("sam.rivers", Map.of()), REDIRECT);
    List<FacebookLoginClient.Page> pages = client.pages(token);
    assertThat(pages).extracting(FacebookLoginClient.Page::name).containsExactly("Rivers Coffee", "Rivers Studio", "Rivers Family");
    assertThat(pages).allMatch(FacebookLoginClient.Page::canPublish);
    assertThat(client.instagramAccountOf(token, pages.get(1).id())).hasValue("17841400000000202");
    assertThat(client.instagramAccount(token, "17841400000000202"))
        .isEqualTo(new FacebookLoginClient.InstagramAccount("17841400000000202", "rivers.studio", "Media_Creator"));
  }

  @Test
  void aPageWithoutInstagramHasNoInstagramBusinessAccount() throws Exception {
    String token = client.exchangeCode(codeAfterDialog("nora.garden", Map.of()), REDIRECT);
    String pageId = client.pages(token).get(0).id();
    assertThat(client.instagramAccountOf(token, pageId)).isEmpty();
    // Meta leaves the key out rather than sending null
    String raw = graph("/v23.0/" + pageId + "?fields=instagram_business_account", token);
    assertThat(raw).doesNotContain("instagram_business_account").contains("\"id\":\"" + pageId + "\"");
  }

  @Test
  void aRoleWithoutContentCreationCannotPublish() throws Exception {
    String token = client.exchangeCode(codeAfterDialog("eli.analyst", Map.of()), REDIRECT);
    assertThat(client.pages(token)).singleElement()
        .satisfies(p -> assertThat(p.tasks()).containsExactly("ANALYZE", "ADVERTISE"))
        .satisfies(p -> assertThat(p.canPublish()).isFalse());
  }

  @Test
  void declinedPermissionsAreReportedAsDeclined() throws Exception {
    String token = client.exchangeCode(codeAfterDialog("dana.baker", Map.of("instagram_content_publish", "no")), REDIRECT);
    Map<String, String> permissions = client.permissions(token);
    assertThat(permissions).containsEntry("instagram_content_publish", "declined")
        .containsEntry("instagram_basic", "granted")
        .containsEntry("public_profile", "granted");
  }

  @Test
  void aFacebookUserWithoutPagesSharesNone() throws Exception {
    String token = client.exchangeCode(codeAfterDialog("pat.personal", Map.of()), REDIRECT);
    assertThat(client.pages(token)).isEmpty();
  }

  @Test
  void anUnknownTokenGetsGraphsOAuthException() {
    assertThatThrownBy(() -> client.pages("EAAGnot-a-token"))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("Invalid OAuth access token")
        .hasMessageContaining("(code 190)");
  }

  @Test
  void cancellingRedirectsBackWithMetasAccessDenied() throws Exception {
    var persona = stubs.facebookPersonas().issueCopy("dana.baker");
    String dr = login(dialog(client.dialogUrl(REDIRECT, "st&te", false)), persona);
    String location = post("/dialog/oauth/continue", "dr=" + enc(dr) + "&decision=cancel").headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo(REDIRECT + "?error=access_denied&error_code=200&error_description=Permissions+error"
        + "&error_reason=user_denied&state=st%26te#_=_");
  }

  @Test
  void theDialogRefusesARedirectUriThatIsNotRegistered() throws Exception {
    HttpResponse<String> page = get(client.dialogUrl(URI.create("http://evil.example/cb"), "s", false));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("URL blocked");
  }

  @Test
  void anUnknownPersonaNamesTheKnownOnes() {
    assertThatThrownBy(() -> stubs.facebookPersonas().issueCopy("nobody"))
        .isInstanceOf(UnknownPersonaException.class)
        .hasMessageContaining("Known personas: dana.baker, sam.rivers");
  }

  // --- a person on the dialog's screens, as form posts

  /** Logs in, clicks Edit Settings, checks every Instagram account and Page, answers Yes except {@code answers}. */
  private static String codeAfterDialog(String handle, Map<String, String> answers) throws Exception {
    return codeAfterDialog(stubs.facebookPersonas().issueCopy(handle), null, answers);
  }

  /** As above, checking only {@code instagramIds} on the Instagram accounts screen (all of them when null). */
  private static String codeAfterDialog(FacebookPersona persona, List<String> instagramIds, Map<String, String> answers)
      throws Exception {
    String state = "state-" + System.nanoTime();
    String dr = login(dialog(client.dialogUrl(REDIRECT, state, false)), persona);
    String igScreen = post("/dialog/oauth/continue", "dr=" + enc(dr) + "&decision=edit").body();
    String pagesScreen = post("/dialog/oauth/instagram-accounts", "dr=" + enc(dr) + all("instagram", instagramIds == null ? values(igScreen, "instagram") : instagramIds)).body();
    String permissionsScreen = post("/dialog/oauth/pages", "dr=" + enc(dr) + all("page", values(pagesScreen, "page"))).body();
    StringBuilder form = new StringBuilder("dr=" + enc(dr));
    Matcher m = Pattern.compile("name=\"perm\\.([a-z_]+)\" value=\"yes\"").matcher(permissionsScreen);
    while (m.find()) {
      form.append("&perm.").append(m.group(1)).append('=').append(answers.getOrDefault(m.group(1), "yes"));
    }
    String location = post("/dialog/oauth/permissions", form.toString()).headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=" + state + "#_=_");
    return URLDecoder.decode(location.replaceAll(".*[?&]code=([^&#]+).*", "$1"), StandardCharsets.UTF_8);
  }

  private static String dialog(URI url) throws IOException, InterruptedException {
    HttpResponse<String> page = get(url);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return value(page.body(), "dr");
  }

  private static String login(String dr, FacebookPersona persona) throws IOException, InterruptedException {
    String screen = post("/login", "dr=" + enc(dr) + "&email=" + enc(persona.email()) + "&pass=" + enc(persona.password())).body();
    assertThat(screen).contains("Continue as " + persona.name());
    return dr;
  }

  private static String value(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a '" + name + "' field in " + html).isTrue();
    return m.group(1);
  }

  private static List<String> values(String html, String name) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String all(String name, List<String> values) {
    return values.stream().map(v -> "&" + name + "=" + enc(v)).collect(Collectors.joining());
  }

  private static HttpResponse<String> get(URI url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(stubs.facebookUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String graph(String pathAndQuery, String token) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(stubs.facebookUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
