package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
 * The stubbed providers' content publishing endpoints (POST /{ig-user-id}/media, then /media_publish) for an image, as
 * both of Meta's Instagram APIs serve them: create a container from an image_url, which
 * Meta downloads itself, then publish the container (once). Only JPEG is taken, up to 8 MiB. What differs between
 * Instagram Login (graph.instagram.com) and Facebook Login (graph.facebook.com) is the token: which accounts it may
 * publish to, whether it still works, and the permission it needs. Each stub plugs that in as a {@link Publisher}.
 */
final class PublishingEndpoints {
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
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Function<String, Publisher> tokens;
  private final Map<String, Container> containers = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  /** {@code tokens} maps a token to what it may do, or to null for a token the provider never issued. */
  PublishingEndpoints(Function<String, Publisher> tokens) {
    this.tokens = tokens;
  }

  ResponseDefinition transform(String step, ProviderRequest form, ResponseDefinitionBuilder out) {
    Matcher path = PATH.matcher(form.path());
    String token = form.tokenFromHeaderOrForm();
    Publisher publisher = token == null ? null : tokens.apply(token);
    if (publisher == null) {
      return GraphAnswers.invalidToken(out);
    }
    if (!publisher.isLive()) {
      return GraphAnswers.error(out, 190, 458, publisher.revokedMessage());
    }
    String userId = path.matches() ? path.group(1) : "";
    if (!publisher.mayPublishTo(userId)) {
      // Ayrshare's posting troubleshooting quotes this text for permissions not granted at link time
      return GraphAnswers.error(out, 100, 33, GraphAnswers.unsupported("post", userId));
    }
    if (!publisher.hasPublishPermission()) {
      return GraphAnswers.error(out, 10, "Application does not have permission for this action");
    }
    return "media".equals(step) ? createContainer(userId, form, out) : publish(userId, form, out);
  }

  private ResponseDefinition createContainer(String userId, ProviderRequest form, ResponseDefinitionBuilder out) {
    String imageUrl = form.form("image_url");
    if (imageUrl == null || imageUrl.isBlank()) {
      return GraphAnswers.error(out, 100, "The parameter image_url is required");
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
      return GraphAnswers.error(out, 9004, 2207052, "Media download has failed. The media URI doesn't meet our requirements.");
    }
    if (image.length > MAX_BYTES) {
      return GraphAnswers.error(out, 36000, 2207004, "The image size is too large.");
    }
    String id = numericId();
    containers.put(id, new Container(userId, form.form("caption"), image.length));
    return GraphAnswers.ok(out, GraphAnswers.JSON.createObjectNode().put("id", id));
  }

  private ResponseDefinition publish(String userId, ProviderRequest form, ResponseDefinitionBuilder out) {
    String creationId = form.form("creation_id");
    Container container = creationId == null ? null : containers.get(creationId);
    if (container == null || !container.userId().equals(userId)) {
      return GraphAnswers.error(out, 100, "Invalid parameter: the media container '" + creationId + "' does not exist");
    }
    Container published = container.publishedAs(numericId());
    // a container is published once: a second call (or a race) gets Graph's error
    if (container.mediaId() != null || !containers.replace(creationId, container, published)) {
      return GraphAnswers.error(out, 100, "The media container has been published already");
    }
    return GraphAnswers.ok(out, GraphAnswers.JSON.createObjectNode().put("id", published.mediaId()));
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
