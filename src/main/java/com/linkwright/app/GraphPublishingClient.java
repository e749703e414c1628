package com.linkwright.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The app's client for publishing an image to Instagram through one of Meta's Graph hosts: POST /{ig-user-id}/media
 * (image_url, caption) makes a container, POST /{ig-user-id}/media_publish (creation_id) publishes it. The calls are
 * the same with Instagram Login (graph.instagram.com, an Instagram user token) and with Facebook Login
 * (graph.facebook.com, the Facebook user token of the Page's admin). The token goes in the Authorization header,
 * never in the URL. A refusal's {@link ProviderException#errorCode} 190 means the token no longer works.
 */
final class GraphPublishingClient {
  /** Instagram fetches the image while it makes the container: longer than a plain Graph read. */
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(20);
  private final URI graph;
  private final ProviderHttp http;

  /** {@code provider} names who answers at {@code graph} in messages: "Instagram" or "Facebook". */
  GraphPublishingClient(URI graph, String provider) {
    this.graph = graph;
    this.http = new ProviderHttp(provider);
  }

  String createContainer(String igUserId, String token, URI imageUrl, String caption) throws ProviderException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("image_url", imageUrl.toString());
    form.put("caption", caption == null ? "" : caption);
    return post("/" + igUserId + "/media", token, form);
  }

  String publish(String igUserId, String token, String creationId) throws ProviderException {
    return post("/" + igUserId + "/media_publish", token, Map.of("creation_id", creationId));
  }

  private String post(String path, String token, Map<String, String> form) throws ProviderException {
    JsonNode body = http.send(HttpRequest.newBuilder(URI.create(graph.toString().replaceAll("/$", "") + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(form))), PUBLISH_TIMEOUT);
    if (!body.hasNonNull("id")) {
      throw http.refusal(200, body);
    }
    return body.get("id").asText();
  }
}
