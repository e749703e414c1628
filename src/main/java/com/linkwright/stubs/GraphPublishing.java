package com.linkwright.stubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instagram's content publishing for an image (Instagram API with Instagram Login): create a container from an
 * image_url, which Instagram downloads itself, then publish the container. Only JPEG is taken, up to 8 MiB.
 */
final class GraphPublishing {
  static final int MAX_BYTES = 8 * 1024 * 1024;
  private static final Pattern PATH = Pattern.compile("(?:/v[0-9.]+)?/([0-9]+)/media(?:_publish)?");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final InstagramOAuth oauth;
  private final Map<String, Container> containers = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  GraphPublishing(InstagramOAuth oauth) {
    this.oauth = oauth;
  }

  ResponseDefinition transform(String step, Request request, ResponseDefinitionBuilder out) {
    Matcher path = PATH.matcher(URI.create(request.getUrl()).getPath());
    Form form = Form.parse(request.getBodyAsString());
    String token = InstagramOAuth.bearer(request);
    InstagramOAuth.Grant grant = oauth.grant(token != null ? token : form.first("access_token"));
    if (grant == null) {
      return InstagramOAuth.graphError(out, 190, "Invalid OAuth access token - Cannot parse access token");
    }
    if (!oauth.isLive(grant)) {
      return InstagramOAuth.revoked(out, grant);
    }
    String userId = path.matches() ? path.group(1) : "";
    if (!grant.persona().userId().equals(userId)) {
      return InstagramOAuth.graphError(out, 100, 33, "Unsupported post request. Object with ID '" + userId
          + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation");
    }
    if (!grant.scopes().contains("instagram_business_content_publish")) {
      return InstagramOAuth.graphError(out, 10, "Application does not have permission for this action");
    }
    return "media".equals(step) ? createContainer(userId, form, out) : publish(userId, form, out);
  }

  private ResponseDefinition createContainer(String userId, Form form, ResponseDefinitionBuilder out) {
    String imageUrl = form.first("image_url");
    if (imageUrl == null || imageUrl.isBlank()) {
      return InstagramOAuth.graphError(out, 100, "The parameter image_url is required");
    }
    byte[] image;
    try {
      HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(imageUrl)).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      image = got.statusCode() == 200 ? got.body() : null;
    } catch (IOException | IllegalArgumentException e) {
      image = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      image = null;
    }
    if (image == null || image.length < 3 || (image[0] & 0xff) != 0xFF || (image[1] & 0xff) != 0xD8) {
      return InstagramOAuth.graphError(out, 9004, 2207052, "Media download has failed. The media URI doesn't meet our requirements.");
    }
    if (image.length > MAX_BYTES) {
      return InstagramOAuth.graphError(out, 36000, 2207004, "The image size is too large.");
    }
    String id = numericId();
    containers.put(id, new Container(userId, form.first("caption"), image.length));
    return out.withStatus(200).withBody(JSON.createObjectNode().put("id", id).toString()).build();
  }

  private ResponseDefinition publish(String userId, Form form, ResponseDefinitionBuilder out) {
    String creationId = form.first("creation_id");
    Container container = creationId == null ? null : containers.get(creationId);
    if (container == null || !container.userId().equals(userId)) {
      return InstagramOAuth.graphError(out, 100, "Invalid parameter: the media container '" + creationId + "' does not exist");
    }
    Container published = container.publishedAs(numericId());
    // a container is published once: a second call (or a race) gets Graph's error
    if (container.mediaId() != null || !containers.replace(creationId, container, published)) {
      return InstagramOAuth.graphError(out, 100, "The media container has been published already");
    }
    return out.withStatus(200).withBody(JSON.createObjectNode().put("id", published.mediaId()).toString()).build();
  }

  private static String numericId() {
    return "1789" + String.format("%013d", Math.floorMod(RANDOM.nextLong(), 10_000_000_000_000L));
  }

  private record Container(String userId, String caption, int bytes, String mediaId) {
    Container(String userId, String caption, int bytes) {
      this(userId, caption, bytes, null);
    }

    Container publishedAs(String id) {
      return new Container(userId, caption, bytes, id);
    }
  }
}
