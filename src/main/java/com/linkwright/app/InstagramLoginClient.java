package com.linkwright.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's side of Business Login for Instagram (an OAuth 2.0 authorization-code client):
 * builds the authorize URL, exchanges the one-time code, trades for a long-lived token and reads /me.
 * Tokens and the secret go into request headers and bodies, except for the long-lived token exchange, which Meta
 * offers as a GET only.
 */
public final class InstagramLoginClient {
  private final InstagramSettings settings;
  private final ProviderHttp http = new ProviderHttp("Instagram");

  public InstagramLoginClient(InstagramSettings settings) {
    this.settings = settings;
  }

  public URI authorizeUrl(URI redirectUri, String state) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", settings.clientId());
    q.put("redirect_uri", redirectUri.toString());
    q.put("response_type", "code");
    q.put("scope", String.join(",", settings.scopes()));
    q.put("state", state);
    return URI.create(settings.authorizeUrl() + "?" + ProviderHttp.form(q));
  }

  /** What the token endpoint returned: the short-lived token, the user and what was granted. */
  public record CodeGrant(String accessToken, String userId, List<String> permissions) {
    @Override
    public String toString() {
      return "CodeGrant[userId=" + userId + ", permissions=" + permissions + "]";
    }
  }

  public record Profile(String userId, String username, String accountType) {}

  public CodeGrant exchangeCode(String code, URI redirectUri) throws ProviderException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret());
    form.put("grant_type", "authorization_code");
    form.put("redirect_uri", redirectUri.toString());
    form.put("code", code);
    JsonNode body = http.send(HttpRequest.newBuilder(settings.tokenUrl())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(form))));
    // Meta documents {"data":[{...}]}; many clients see a flat object: accept both
    JsonNode entry = body.has("data") && body.get("data").isArray() && body.get("data").size() > 0 ? body.get("data").get(0) : body;
    String token = entry.path("access_token").asText(null);
    if (token == null) {
      throw new ProviderException(502, "Instagram's token endpoint answered without an access token");
    }
    return new CodeGrant(token, entry.path("user_id").asText(), permissions(entry.path("permissions")));
  }

  public String longLivedToken(String shortLived) throws ProviderException {
    // Meta documents this exchange as a GET only ("Creating: not supported"), so the secret and the short-lived
    // token go in its query: a provider constraint (README, Security). Server to server, and never logged.
    Map<String, String> q = new LinkedHashMap<>();
    q.put("grant_type", "ig_exchange_token");
    q.put("client_secret", settings.clientSecret());
    q.put("access_token", shortLived);
    JsonNode body = http.send(HttpRequest.newBuilder(URI.create(settings.graphUrl() + "/access_token?" + ProviderHttp.form(q))).GET());
    String token = body.path("access_token").asText(null);
    if (token == null) {
      throw new ProviderException(502, "Instagram did not return a long-lived token");
    }
    return token;
  }

  public Profile me(String token) throws ProviderException {
    JsonNode body = http.send(HttpRequest.newBuilder(URI.create(settings.graphUrl() + "/me?fields=user_id,username,account_type"))
        .header("Authorization", "Bearer " + token).GET());
    return new Profile(body.path("user_id").asText(), body.path("username").asText(), body.path("account_type").asText(null));
  }

  private static List<String> permissions(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isTextual()) {
      for (String s : node.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }
}
