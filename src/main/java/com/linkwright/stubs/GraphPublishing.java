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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content publishing for an image, as both of Meta's Instagram APIs do it: create a container from an image_url, which
 * Meta downloads itself, then publish the container (once). Only JPEG is taken, up to 8 MiB. What differs between
 * Instagram Login (graph.instagram.com) and Facebook Login (graph.facebook.com) is the token: which accounts it may
 * publish to, whether it still works, and the permission it needs. Each stub plugs that in as a {@link Publisher}.
 */
final class GraphPublishing {
  /** What the provider knows about the token on a publishing call. */
  interface Publisher {
    /** The authorization behind the token still holds (not revoked, the app not removed). */
    boolean isLive();

    /** Graph's 190 message for a token that is no longer live. */
    String revokedMessage();

    /** The IG user id is one this token may publish to. */
    boolean mayPublishTo(String igUserId);

    /** The provider's publishing permission was granted with this token. */
    boolean hasPublishPermission();
  }

  static final int MAX_BYTES = 8 * 1024 * 1024;
  private static final Pattern PATH = Pattern.compile("(?:/v[0-9.]+)?/([0-9]+)/media(?:_publish)?");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Function<String, Publisher> tokens;
  private final Map<String, Container> containers = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  /** {@code tokens} maps a token to what it may do, or to null for a token the provider never issued. */
  GraphPublishing(Function<String, Publisher> tokens) {
    this.tokens = tokens;
  }

  ResponseDefinition transform(String step, Request request, ResponseDefinitionBuilder out) {
    Matcher path = PATH.matcher(URI.create(request.getUrl()).getPath());
    Form form = Form.parse(request.getBodyAsString());
    String token = InstagramOAuth.bearer(request);
    if (token == null) {
      token = form.first("access_token");
    }
    Publisher publisher = token == null ? null : tokens.apply(token);
    if (publisher == null) {
      return InstagramOAuth.graphError(out, 190, "Invalid OAuth access token - Cannot parse access token");
    }
    if (!publisher.isLive()) {
      return InstagramOAuth.graphError(out, 190, 458, publisher.revokedMessage());
    }
    String userId = path.matches() ? path.group(1) : "";
    if (!publisher.mayPublishTo(userId)) {
      return InstagramOAuth.graphError(out, 100, 33, "Unsupported post request. Object with ID '" + userId
          + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation");
    }
    if (!publisher.hasPublishPermission()) {
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
