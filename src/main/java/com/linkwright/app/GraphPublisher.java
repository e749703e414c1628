package com.linkwright.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishing an image to Instagram through one of Meta's Graph hosts: POST /{ig-user-id}/media (image_url, caption)
 * makes a container, POST /{ig-user-id}/media_publish (creation_id) publishes it. The calls are the same with
 * Instagram Login (graph.instagram.com, an Instagram user token) and with Facebook Login (graph.facebook.com, the
 * Facebook user token of the Page's admin). The token goes in the Authorization header, never in the URL.
 */
final class GraphPublisher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI graph;
  /** Who answers at {@code graph}, for messages: Instagram or Facebook. */
  private final String host;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  GraphPublisher(URI graph, String host) {
    this.graph = graph;
    this.host = host;
  }

  /** Graph refused: its code (190 = the token no longer works) and its message. */
  static final class GraphException extends Exception {
    final int code;

    GraphException(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  String createContainer(String igUserId, String token, URI imageUrl, String caption) throws GraphException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("image_url", imageUrl.toString());
    form.put("caption", caption == null ? "" : caption);
    return post("/" + igUserId + "/media", token, form);
  }

  String publish(String igUserId, String token, String creationId) throws GraphException {
    return post("/" + igUserId + "/media_publish", token, Map.of("creation_id", creationId));
  }

  private String post(String path, String token, Map<String, String> form) throws GraphException {
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(URI.create(graph.toString().replaceAll("/$", "") + path))
          .timeout(Duration.ofSeconds(20))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(InstagramLoginClient.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new GraphException(-1, host + " could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GraphException(-1, "Interrupted while calling " + host);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new GraphException(-1, host + " answered " + response.statusCode() + " with a body that is not JSON");
    }
    if (response.statusCode() >= 400 || !body.hasNonNull("id")) {
      throw new GraphException(body.path("error").path("code").asInt(-1), ProviderHttp.errorMessage(body, "Instagram"));
    }
    return body.get("id").asText();
  }
}
