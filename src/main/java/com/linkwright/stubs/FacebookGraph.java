package com.linkwright.stubs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Optional;
import java.util.Set;

/**
 * Facebook Login's back channel, graph.facebook.com: the code exchange (POST /{version}/oauth/access_token), the
 * user's Pages (/me/accounts), permissions (/me/permissions), a Page or Instagram account node (/{id}), and what a
 * token may do when it publishes. A token reaches only what its user shared on the dialog.
 */
final class FacebookGraph {
  private final RegisteredApps apps;
  private final GrantStore<FacebookGrant> grants;

  FacebookGraph(RegisteredApps apps, GrantStore<FacebookGrant> grants) {
    this.apps = apps;
    this.grants = grants;
  }

  ResponseDefinition token(ProviderRequest request, ResponseDefinitionBuilder out) {
    if (!"POST".equals(request.method()) || request.query("client_secret") != null || request.query("code") != null) {
      // Meta's guide also shows a GET; this Facebook takes the secret and the code in a POST's body only, so that a
      // client that puts them in a URL (where proxies and logs keep them) is caught
      return GraphAnswers.error(out, 100, "(#100) Send client_id, client_secret, redirect_uri and code in the body of a POST to "
          + "the token endpoint (application/x-www-form-urlencoded), not in its URL");
    }
    String grantType = request.form("grant_type");
    if (grantType != null && !"authorization_code".equals(grantType)) {
      return GraphAnswers.error(out, 100, "Unsupported grant_type '" + grantType + "' for a code");
    }
    RegisteredApp app = apps.withClientId(request.form("client_id"));
    if (app == null) {
      return GraphAnswers.error(out, 101, "Error validating application. Invalid application ID.");
    }
    if (!app.clientSecret().equals(request.form("client_secret"))) {
      return GraphAnswers.error(out, 1, "Error validating client secret.");
    }
    FacebookGrant grant = grants.redeem(request.form("code"), app);
    if (grant == null) {
      return GraphAnswers.error(out, 100, "This authorization code has been used.");
    }
    if (!grant.redirectUri().equals(request.form("redirect_uri"))) {
      return GraphAnswers.error(out, 100, "Error validating verification code. Please make sure your redirect_uri is identical "
          + "to the one you used in the OAuth dialog request");
    }
    String token = grants.issueToken("EAAG", 64, grant);
    return GraphAnswers.bearerToken(out, token);
  }

  ResponseDefinition meAccounts(ProviderRequest request, ResponseDefinitionBuilder out) {
    FacebookGrant grant = grants.grantOf(request.tokenFromHeaderOrQuery());
    if (grant == null) {
      return GraphAnswers.invalidToken(out);
    }
    Set<String> fields = request.fields("id,name,access_token,category,tasks");
    ArrayNode data = GraphAnswers.JSON.createArrayNode();
    for (String pageId : grant.pageIds()) {
      grant.persona().page(pageId).ifPresent(page -> data.add(pageNode(grant, page, fields)));
    }
    return GraphAnswers.ok(out, GraphAnswers.JSON.createObjectNode().set("data", data));
  }

  private static ObjectNode pageNode(FacebookGrant grant, FacebookPersona.Page page, Set<String> fields) {
    ObjectNode node = GraphAnswers.JSON.createObjectNode();
    for (String field : fields) {
      switch (field) {
        case "id" -> node.put("id", page.id());
        case "name" -> node.put("name", page.name());
        case "category" -> node.put("category", page.category());
        case "access_token" -> node.put("access_token", Tokens.random("EAAP", 48));
        case "tasks" -> {
          ArrayNode tasks = node.putArray("tasks");
          page.tasks().forEach(tasks::add);
        }
        case "instagram_business_account" -> {
          // Meta leaves the key out when no Instagram account is connected (or the user did not share it)
          if (page.instagram() != null && grant.instagramIds().contains(page.instagram().id())) {
            node.putObject("instagram_business_account").put("id", page.instagram().id());
          }
        }
        default -> { }
      }
    }
    if (!node.has("id")) {
      node.put("id", page.id());
    }
    return node;
  }

  ResponseDefinition mePermissions(ProviderRequest request, ResponseDefinitionBuilder out) {
    FacebookGrant grant = grants.grantOf(request.tokenFromHeaderOrQuery());
    if (grant == null) {
      return GraphAnswers.invalidToken(out);
    }
    ArrayNode data = GraphAnswers.JSON.createArrayNode();
    data.addObject().put("permission", "public_profile").put("status", "granted");
    grant.granted().forEach(p -> data.addObject().put("permission", p).put("status", "granted"));
    grant.declined().forEach(p -> data.addObject().put("permission", p).put("status", "declined"));
    return GraphAnswers.ok(out, GraphAnswers.JSON.createObjectNode().set("data", data));
  }

  /** GET /{id}: a Page the user shared, or an Instagram account connected to one of them. */
  ResponseDefinition node(ProviderRequest request, ResponseDefinitionBuilder out) {
    FacebookGrant grant = grants.grantOf(request.tokenFromHeaderOrQuery());
    if (grant == null) {
      return GraphAnswers.invalidToken(out);
    }
    String path = request.path();
    String id = path.substring(path.lastIndexOf('/') + 1);
    Optional<FacebookPersona.Page> page = grant.pageIds().contains(id) ? grant.persona().page(id) : Optional.empty();
    if (page.isPresent()) {
      return GraphAnswers.ok(out, pageNode(grant, page.get(), request.fields("id,name")));
    }
    Optional<FacebookPersona.InstagramAccount> ig =
        grant.instagramIds().contains(id) ? grant.persona().instagramAccount(id) : Optional.empty();
    if (ig.isPresent() && grant.granted().contains("instagram_basic")) {
      ObjectNode node = GraphAnswers.JSON.createObjectNode();
      for (String field : request.fields("id")) {
        switch (field) {
          case "id" -> node.put("id", ig.get().id());
          case "username" -> node.put("username", ig.get().username());
          case "name" -> node.put("name", ig.get().username());
          // not a field Meta's IG User node has; the stub adds it so the dashboard can show Business or Creator
          case "account_type" -> node.put("account_type", ig.get().accountType());
          default -> { }
        }
      }
      if (!node.has("id")) {
        node.put("id", ig.get().id());
      }
      return GraphAnswers.ok(out, node);
    }
    return GraphAnswers.error(out, 100, GraphAnswers.unsupported("get", id) + GraphAnswers.SEE_THE_DOCS);
  }

  /**
   * Publishing with a Facebook user token (Instagram API with Facebook Login): to the Instagram accounts the user
   * selected in the dialog, with instagram_content_publish granted. The stub models no revocation of these tokens.
   */
  PublishingEndpoints.Publisher publisher(String token) {
    FacebookGrant grant = grants.grantOf(token);
    if (grant == null) {
      return null;
    }
    return new PublishingEndpoints.Publisher() {
      @Override public boolean isLive() { return true; }
      @Override public String revokedMessage() { return ""; }
      @Override public boolean mayPublishTo(String igUserId) { return grant.instagramIds().contains(igUserId); }
      @Override public boolean hasPublishPermission() { return grant.granted().contains("instagram_content_publish"); }
    };
  }

  /** The Facebook user a token was issued to, or null for a token Facebook never issued. */
  String userIdOf(String token) {
    FacebookGrant grant = grants.grantOf(token);
    return grant == null ? null : grant.persona().userId();
  }
}
