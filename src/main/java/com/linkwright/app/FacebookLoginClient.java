package com.linkwright.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The app's side of Facebook Login (the code flow) and the Graph calls that find the Instagram account behind a Page:
 * builds the dialog URL, exchanges the one-time code, then reads /me/permissions, /me/accounts, each Page's
 * instagram_business_account and the Instagram account itself. The user token travels only in the Authorization
 * header; the code and the app secret only in the body of the code exchange's POST.
 */
public final class FacebookLoginClient {
  private final FacebookSettings settings;
  private final ProviderHttp http = new ProviderHttp("Facebook");

  public FacebookLoginClient(FacebookSettings settings) {
    this.settings = settings;
  }

  /** A Page the user shared, with the tasks their role allows. */
  public record Page(String id, String name, List<String> tasks) {
    /** Publishing needs a role that may create content (admins have MANAGE). */
    public boolean canPublish() {
      return tasks.contains("CREATE_CONTENT") || tasks.contains("MANAGE");
    }
  }

  public record InstagramAccount(String id, String username, String accountType) {}

  public URI dialogUrl(URI redirectUri, String state, boolean rerequest) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", settings.clientId());
    q.put("redirect_uri", redirectUri.toString());
    q.put("response_type", "code");
    q.put("scope", String.join(",", settings.scopes()));
    q.put("state", state);
    if (rerequest) {
      q.put("auth_type", "rerequest");
    }
    return URI.create(settings.dialogUrl() + "?" + ProviderHttp.form(q));
  }

  /** The one-time code for a user access token. */
  public String exchangeCode(String code, URI redirectUri) throws ProviderException {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_id", settings.clientId());
    q.put("client_secret", settings.clientSecret());
    q.put("redirect_uri", redirectUri.toString());
    q.put("code", code);
    // Meta's guide shows these as a GET's query; the endpoint takes them as the body of a POST, the OAuth token
    // request's shape (RFC 6749 4.1.3), which keeps the secret and the code out of every URL and its logs
    JsonNode body = http.send(HttpRequest.newBuilder(URI.create(settings.graphUrl() + "/oauth/access_token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(q))));
    String token = body.path("access_token").asText(null);
    if (token == null) {
      throw new ProviderException(502, "Facebook's token endpoint answered without an access token");
    }
    return token;
  }

  /** Each permission the user was asked for, and whether it was granted or declined. */
  public Map<String, String> permissions(String token) throws ProviderException {
    JsonNode body = get("/me/permissions", token);
    Map<String, String> out = new LinkedHashMap<>();
    body.path("data").forEach(p -> out.put(p.path("permission").asText(), p.path("status").asText()));
    return out;
  }

  public List<Page> pages(String token) throws ProviderException {
    JsonNode body = get("/me/accounts?fields=id,name,tasks", token);
    List<Page> pages = new ArrayList<>();
    for (JsonNode p : body.path("data")) {
      List<String> tasks = new ArrayList<>();
      p.path("tasks").forEach(t -> tasks.add(t.asText()));
      pages.add(new Page(p.path("id").asText(), p.path("name").asText(), List.copyOf(tasks)));
    }
    return pages;
  }

  /** The Instagram account connected to a Page; empty when Meta leaves instagram_business_account out. */
  public Optional<String> instagramAccountOf(String token, String pageId) throws ProviderException {
    JsonNode body = get("/" + pageId + "?fields=instagram_business_account", token);
    JsonNode ig = body.path("instagram_business_account");
    return ig.hasNonNull("id") ? Optional.of(ig.get("id").asText()) : Optional.empty();
  }

  public InstagramAccount instagramAccount(String token, String igUserId) throws ProviderException {
    JsonNode body = get("/" + igUserId + "?fields=id,username,account_type", token);
    return new InstagramAccount(body.path("id").asText(igUserId), body.path("username").asText(), body.path("account_type").asText("Business"));
  }

  private JsonNode get(String pathAndQuery, String token) throws ProviderException {
    return http.send(HttpRequest.newBuilder(URI.create(settings.graphUrl() + pathAndQuery))
        .header("Authorization", "Bearer " + token).GET());
  }
}
