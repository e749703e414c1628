package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;

/**
 * What the app's clients make of a provider's answer, for answers the stubbed providers never give (a flat token, a
 * missing token, an HTML error page, a refused connection, Graph errors with and without a code): each path serves one
 * canned answer over real HTTP. The message is what a person reads after "Instagram answered:" or "Facebook answered:".
 */
// one of the slow classes: started first (surefire runs two at a time)
@Order(1)
class ProviderAnswersTest {
  private static HttpServer server;
  /** Path to (status, JSON or HTML body). */
  private static final Map<String, Map.Entry<Integer, String>> ANSWERS = new ConcurrentHashMap<>();
  private static URI base;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      Map.Entry<Integer, String> answer = ANSWERS.getOrDefault(ex.getRequestURI().getPath(), Map.entry(404, "{\"error\":{\"message\":\"no such path\"}}"));
      byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(answer.getKey(), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  /** An Instagram whose token endpoint is {@code /<name>/oauth/access_token} and Graph is {@code /<name>}. */
  private static InstagramLoginClient instagram(String name) {
    return new InstagramLoginClient(InstagramSettings.stubbedAt(base.resolve("/" + name), "id", "secret"));
  }

  private static FacebookLoginClient facebook(String name) {
    return new FacebookLoginClient(new FacebookSettings(base.resolve("/" + name + "/dialog"), base.resolve("/" + name), "id", "secret",
        java.util.List.of("instagram_basic")));
  }

  // --- the token endpoint's shapes

  @Test
  void aFlatTokenAnswerIsReadLikeMetasDataArray() throws Exception {
    ANSWERS.put("/flat/oauth/access_token", Map.entry(200,
        "{\"access_token\":\"IGAAflat\",\"user_id\":\"42\",\"permissions\":\"instagram_business_basic,, instagram_business_content_publish,\"}"));
    var grant = instagram("flat").exchangeCode("c", URI.create("http://localhost/cb"));
    assertThat(grant.accessToken()).isEqualTo("IGAAflat");
    assertThat(grant.userId()).isEqualTo("42");
    assertThat(grant.permissions()).containsExactly("instagram_business_basic", "instagram_business_content_publish");
  }

  @Test
  void metasDataArrayWithAPermissionsArrayIsRead() throws Exception {
    ANSWERS.put("/array/oauth/access_token", Map.entry(200,
        "{\"data\":[{\"access_token\":\"IGAAdata\",\"user_id\":\"7\",\"permissions\":[\"instagram_business_basic\"]}]}"));
    var grant = instagram("array").exchangeCode("c", URI.create("http://localhost/cb"));
    assertThat(grant.accessToken()).isEqualTo("IGAAdata");
    assertThat(grant.permissions()).containsExactly("instagram_business_basic");
  }

  @Test
  void anEmptyDataArrayOrAnAnswerWithoutATokenIsRefused() {
    ANSWERS.put("/empty/oauth/access_token", Map.entry(200, "{\"data\":[]}"));
    assertThatThrownBy(() -> instagram("empty").exchangeCode("c", URI.create("http://localhost/cb")))
        .isInstanceOf(ProviderException.class).hasMessage("Instagram's token endpoint answered without an access token");
    ANSWERS.put("/dataobject/oauth/access_token", Map.entry(200, "{\"data\":{\"access_token\":\"IGAAx\"}}"));
    assertThatThrownBy(() -> instagram("dataobject").exchangeCode("c", URI.create("http://localhost/cb")))
        .as("data that is not Meta's array").isInstanceOf(ProviderException.class)
        .hasMessage("Instagram's token endpoint answered without an access token");
    ANSWERS.put("/notoken/access_token", Map.entry(200, "{\"token_type\":\"bearer\"}"));
    assertThatThrownBy(() -> instagram("notoken").longLivedToken("IGAAshort"))
        .isInstanceOf(ProviderException.class).hasMessage("Instagram did not return a long-lived token");
    ANSWERS.put("/fbnotoken/oauth/access_token", Map.entry(200, "{}"));
    assertThatThrownBy(() -> facebook("fbnotoken").exchangeCode("c", URI.create("http://localhost/cb")))
        .isInstanceOf(ProviderException.class).hasMessage("Facebook's token endpoint answered without an access token");
  }

  @Test
  void aTokenWithoutPermissionsGrantsNothing() throws Exception {
    ANSWERS.put("/noperms/oauth/access_token", Map.entry(200, "{\"access_token\":\"IGAAx\",\"user_id\":\"1\"}"));
    assertThat(instagram("noperms").exchangeCode("c", URI.create("http://localhost/cb")).permissions()).isEmpty();
  }

  // --- refusals, in the provider's own words

  @Test
  void instagramsOwnErrorShapeIsShownInItsWords() {
    ANSWERS.put("/own/oauth/access_token", Map.entry(400, "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Session Invalid\"}"));
    assertThatThrownBy(() -> instagram("own").exchangeCode("c", URI.create("http://localhost/cb")))
        .isInstanceOf(ProviderException.class).hasMessage("Session Invalid")
        .satisfies(e -> assertThat(((ProviderException) e).status()).isEqualTo(400));
  }

  @Test
  void graphsErrorShapeCarriesItsCodeWhenThereIsOne() {
    ANSWERS.put("/graph/me", Map.entry(400, "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}"));
    assertThatThrownBy(() -> instagram("graph").me("t")).hasMessage("Error validating access token (code 190)");
    ANSWERS.put("/nocode/me", Map.entry(400, "{\"error\":{\"message\":\"Something broke\"}}"));
    assertThatThrownBy(() -> instagram("nocode").me("t")).hasMessage("Something broke");
    ANSWERS.put("/bare/me", Map.entry(500, "{\"error\":{}}"));
    assertThatThrownBy(() -> instagram("bare").me("t")).hasMessage("Instagram refused the request")
        .satisfies(e -> assertThat(((ProviderException) e).status()).isEqualTo(500));
  }

  @Test
  void anErrorIn200IsStillAnError() {
    ANSWERS.put("/ok-error/me", Map.entry(200, "{\"error\":{\"message\":\"Unsupported get request\",\"code\":100}}"));
    assertThatThrownBy(() -> instagram("ok-error").me("t")).hasMessage("Unsupported get request (code 100)");
  }

  @Test
  void aStatusOf400IsARefusalWhateverTheBody() {
    ANSWERS.put("/at/me", Map.entry(400, "{\"user_id\":\"9\",\"username\":\"nine\"}"));
    assertThatThrownBy(() -> instagram("at").me("t")).hasMessage("Instagram refused the request");
  }

  @Test
  void anAnswerThatIsNotJsonIsNamedAsSuch() {
    ANSWERS.put("/html/me", Map.entry(502, "<html><body>Bad gateway</body></html>"));
    assertThatThrownBy(() -> instagram("html").me("t")).isInstanceOf(ProviderException.class)
        .hasMessage("Instagram answered 502 with a body that is not JSON")
        .satisfies(e -> assertThat(((ProviderException) e).status()).isEqualTo(502));
    ANSWERS.put("/fbhtml/me/accounts", Map.entry(200, "not json"));
    assertThatThrownBy(() -> facebook("fbhtml").pages("t")).hasMessage("Facebook answered 200 with a body that is not JSON");
  }

  @Test
  void aProviderThatCannotBeReachedIsNamed() throws IOException {
    int closed;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    InstagramLoginClient nowhere = new InstagramLoginClient(InstagramSettings.stubbedAt(URI.create("http://127.0.0.1:" + closed), "id", "s"));
    assertThatThrownBy(() -> nowhere.me("t")).isInstanceOf(ProviderException.class)
        .hasMessageStartingWith("Instagram could not be reached (")
        .satisfies(e -> assertThat(((ProviderException) e).status()).isEqualTo(503));
  }

  // --- Facebook's Graph reads

  @Test
  void anInstagramAccountWithoutTypeOrIdIsTheAskedForBusinessAccount() throws Exception {
    ANSWERS.put("/sparse/1784", Map.entry(200, "{\"username\":\"sparse.shop\"}"));
    assertThat(facebook("sparse").instagramAccount("t", "1784"))
        .isEqualTo(new FacebookLoginClient.InstagramAccount("1784", "sparse.shop", "Business"));
  }

  @Test
  void aPagesInstagramAccountNeedsAnId() throws Exception {
    ANSWERS.put("/ig-null/104", Map.entry(200, "{\"id\":\"104\",\"instagram_business_account\":null}"));
    assertThat(facebook("ig-null").instagramAccountOf("t", "104")).isEmpty();
    ANSWERS.put("/ig-noid/105", Map.entry(200, "{\"id\":\"105\",\"instagram_business_account\":{}}"));
    assertThat(facebook("ig-noid").instagramAccountOf("t", "105")).isEmpty();
    ANSWERS.put("/ig-id/106", Map.entry(200, "{\"id\":\"106\",\"instagram_business_account\":{\"id\":\"1784\"}}"));
    assertThat(facebook("ig-id").instagramAccountOf("t", "106")).hasValue("1784");
  }

  @Test
  void onlyCreateContentOrManageMayPublishToAPage() {
    assertThat(new FacebookLoginClient.Page("1", "P", java.util.List.of("CREATE_CONTENT")).canPublish()).isTrue();
    assertThat(new FacebookLoginClient.Page("1", "P", java.util.List.of("MANAGE")).canPublish()).isTrue();
    assertThat(new FacebookLoginClient.Page("1", "P", java.util.List.of("MODERATE", "ANALYZE", "ADVERTISE", "MESSAGING")).canPublish()).isFalse();
    assertThat(new FacebookLoginClient.Page("1", "P", java.util.List.of()).canPublish()).isFalse();
  }

  // --- the publishing calls' refusals (GraphPublishingClient): 190 means "relink", anything else is shown as is

  @Test
  void graphsPublishingRefusalKeepsItsCodeAndWords() {
    ANSWERS.put("/pub/17/media", Map.entry(400, "{\"error\":{\"message\":\"Invalid OAuth access token\",\"code\":190}}"));
    assertThatThrownBy(() -> new GraphPublishingClient(base.resolve("/pub/"), "Instagram").createContainer("17", "t", URI.create("http://x/i.jpg"), null))
        .isInstanceOf(ProviderException.class).hasMessage("Invalid OAuth access token (code 190)")
        .satisfies(e -> assertThat(((ProviderException) e).errorCode()).isEqualTo(190));
    ANSWERS.put("/noid/17/media", Map.entry(200, "{\"ok\":true}"));
    assertThatThrownBy(() -> new GraphPublishingClient(base.resolve("/noid"), "Instagram").createContainer("17", "t", URI.create("http://x/i.jpg"), "c"))
        .isInstanceOf(ProviderException.class).hasMessage("Instagram refused the request")
        .satisfies(e -> assertThat(((ProviderException) e).errorCode()).isEqualTo(-1));
    assertThatThrownBy(() -> new GraphPublishingClient(base.resolve("/noid"), "Facebook").createContainer("17", "t", URI.create("http://x/i.jpg"), "c"))
        .as("Facebook's Graph refusing is Facebook's refusal").hasMessage("Facebook refused the request");
    ANSWERS.put("/pubhtml/17/media_publish", Map.entry(503, "<html>down</html>"));
    assertThatThrownBy(() -> new GraphPublishingClient(base.resolve("/pubhtml"), "Facebook").publish("17", "t", "c1"))
        .hasMessage("Facebook answered 503 with a body that is not JSON");
    ANSWERS.put("/pub400/17/media_publish", Map.entry(400, "{\"id\":\"1789\"}"));
    assertThatThrownBy(() -> new GraphPublishingClient(base.resolve("/pub400"), "Facebook").publish("17", "t", "c1"))
        .as("a 400 is a refusal even with an id").isInstanceOf(ProviderException.class);
  }

  @Test
  void aGraphThatCannotBeReachedIsNamed() throws IOException {
    int closed;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThatThrownBy(() -> new GraphPublishingClient(URI.create("http://127.0.0.1:" + closed), "Facebook").publish("17", "t", "c"))
        .isInstanceOf(ProviderException.class).hasMessageStartingWith("Facebook could not be reached (");
  }
}
