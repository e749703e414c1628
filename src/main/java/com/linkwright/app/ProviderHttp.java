package com.linkwright.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One server-to-server call to a provider (Instagram or Facebook), answered in JSON: the provider's refusal becomes a
 * ProviderException carrying the provider's own words, never the request (which may carry a token or a secret).
 */
final class ProviderHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProviderHttp() {}

  static JsonNode send(HttpClient http, HttpRequest.Builder request, String provider) throws ProviderException {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
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
      throw new ProviderException(response.statusCode(), errorMessage(body, provider));
    }
    return body;
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
}
