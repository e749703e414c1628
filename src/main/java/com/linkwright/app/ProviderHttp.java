package com.linkwright.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The app's one way of calling a provider (Instagram or Facebook) server to server, answered in JSON: one HTTP client
 * for every call of a provider client (no redirects followed; a call that got no answer at all goes out once more), and the provider's refusal turned into a ProviderException that carries
 * the provider's own words and names the provider called, never the request (which may carry a token or a secret).
 */
final class ProviderHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Who answers: "Instagram" or "Facebook", as messages name it. */
  private final String provider;
  /** This client's own connections: an app started again (the regression proof's) never reuses the last one's. */
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  ProviderHttp(String provider) {
    this.provider = provider;
  }

  String provider() {
    return provider;
  }

  JsonNode send(HttpRequest.Builder request) throws ProviderException {
    return send(request, DEFAULT_TIMEOUT);
  }

  JsonNode send(HttpRequest.Builder request, Duration timeout) throws ProviderException {
    HttpRequest built = request.timeout(timeout).build();
    HttpResponse<String> response;
    try {
      try {
        response = http.send(built, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        throw e;
      } catch (IOException e) {
        // no answer at all: most often a kept-alive connection the provider had closed (its idle timeout), which the
        // client reused; Java's client retries only GETs then, so a POST goes out once more, as other clients do
        response = http.send(built, HttpResponse.BodyHandlers.ofString());
      }
    } catch (IOException e) {
      throw new ProviderException(503, provider + " could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(503, "Interrupted while calling " + provider);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ProviderException(502, provider + " answered " + response.statusCode() + " with a body that is not JSON");
    }
    if (response.statusCode() >= 400 || body.has("error")) {
      throw refusal(response.statusCode(), body);
    }
    return body;
  }

  /** The provider's refusal in {@code body}: its words and its Graph error code, if any. */
  ProviderException refusal(int status, JsonNode body) {
    return new ProviderException(status, body.path("error").path("code").asInt(ProviderException.NO_ERROR_CODE),
        errorMessage(body, provider));
  }

  /** Instagram's own shape ({error_type, code, error_message}) or the Graph shape ({error:{message, code}}). */
  static String errorMessage(JsonNode body, String provider) {
    if (body.hasNonNull("error_message")) {
      return body.get("error_message").asText();
    }
    JsonNode error = body.path("error");
    if (error.hasNonNull("message")) {
      return error.get("message").asText() + (error.has("code") ? " (code " + error.get("code").asText() + ")" : "");
    }
    return provider + " refused the request";
  }

  /** A form body or a query string. */
  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
