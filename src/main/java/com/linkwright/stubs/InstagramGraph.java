package com.linkwright.stubs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * Instagram Login's back channel: the code exchange (POST api.instagram.com/oauth/access_token), the long-lived token
 * (GET graph.instagram.com/access_token), GET /me, and what a token may do when it publishes.
 */
final class InstagramGraph {
  private final RegisteredApps apps;
  private final InstagramPersonaBook personas;
  private final GrantStore<InstagramGrant> grants;

  InstagramGraph(RegisteredApps apps, InstagramPersonaBook personas, GrantStore<InstagramGrant> grants) {
    this.apps = apps;
    this.personas = personas;
    this.grants = grants;
  }

  /** {@code shape} "data" (Meta's current answer, the token inside {@code data[]}) or "flat" (the older one). */
  ResponseDefinition token(ProviderRequest request, ResponseDefinitionBuilder out, String shape) {
    if (request.query("client_secret") != null || request.query("code") != null) {
      return GraphAnswers.instagramOAuthError(out, "client_secret and code go in the form body of this POST, not in its URL");
    }
    RegisteredApp app = apps.withClientId(request.form("client_id"));
    if (app == null || !app.clientSecret().equals(request.form("client_secret"))) {
      return GraphAnswers.instagramOAuthError(out, "Invalid Client Secret");
    }
    if (!"authorization_code".equals(request.form("grant_type"))) {
      return GraphAnswers.instagramOAuthError(out, "Invalid grant_type: only 'authorization_code' is supported");
    }
    InstagramGrant grant = grants.redeem(request.form("code"), app);
    if (grant == null) {
      return GraphAnswers.instagramOAuthError(out, "Matching code was not found or was already used");
    }
    if (!grant.redirectUri().equals(request.form("redirect_uri"))) {
      return GraphAnswers.instagramOAuthError(out, "Error validating verification code. Please make sure your redirect_uri "
          + "is identical to the one you used in the OAuth dialog request");
    }
    if (grant.sessionInvalid()) {
      // the account authorized this app before and Instagram still holds that authorization (troubleshooting guide)
      return GraphAnswers.instagramOAuthError(out, "Session Invalid");
    }
    String token = grants.issueToken("IGAA", 48, grant);
    ObjectNode entry = GraphAnswers.JSON.createObjectNode()
        .put("access_token", token)
        .put("user_id", grant.persona().userId())
        .put("permissions", String.join(",", grant.scopes()));
    Object body = "flat".equals(shape) ? entry
        : GraphAnswers.JSON.createObjectNode().set("data", GraphAnswers.JSON.createArrayNode().add(entry));
    return GraphAnswers.ok(out, body);
  }

  ResponseDefinition exchange(ProviderRequest request, ResponseDefinitionBuilder out) {
    if (!"GET".equals(request.method())) {
      // Meta documents GET /access_token only ("Creating: This operation is not supported")
      return GraphAnswers.error(out, 100, 33, GraphAnswers.unsupported(request.method(), "access_token") + GraphAnswers.SEE_THE_DOCS);
    }
    InstagramGrant shortLived = grants.grantOf(request.query("access_token"));
    if (!"ig_exchange_token".equals(request.query("grant_type")) || !apps.anyHasSecret(request.query("client_secret"))
        || shortLived == null || shortLived.longLived()) {
      return GraphAnswers.invalidToken(out);
    }
    String token = grants.issueToken("IGAA", 64, shortLived.longLivedOne());
    return GraphAnswers.bearerToken(out, token);
  }

  ResponseDefinition me(ProviderRequest request, ResponseDefinitionBuilder out) {
    InstagramGrant grant = grants.grantOf(request.tokenFromHeaderOrQuery());
    if (grant == null) {
      return GraphAnswers.invalidToken(out);
    }
    if (!isLive(grant)) {
      return GraphAnswers.notAuthorized(out, grant.persona().userId(), grant.app().clientId());
    }
    InstagramPersona p = grant.persona();
    String fields = request.query("fields") == null ? "id,username" : request.query("fields");
    ObjectNode body = GraphAnswers.JSON.createObjectNode();
    for (String field : fields.split(",")) {
      switch (field.trim()) {
        case "id", "user_id" -> body.put(field.trim(), p.userId());
        case "username" -> body.put("username", p.username());
        case "name" -> body.put("name", p.name());
        case "account_type" -> body.put("account_type", personas.state(p).reportedAccountType());
        default -> { }
      }
    }
    return GraphAnswers.ok(out, body);
  }

  /** Publishing with an Instagram user token: to its own account, with instagram_business_content_publish. */
  PublishingEndpoints.Publisher publisher(String token) {
    InstagramGrant grant = grants.grantOf(token);
    if (grant == null) {
      return null;
    }
    return new PublishingEndpoints.Publisher() {
      @Override public boolean isLive() { return InstagramGraph.this.isLive(grant); }
      @Override public String revokedMessage() {
        return GraphAnswers.notAuthorizedMessage(grant.persona().userId(), grant.app().clientId());
      }
      @Override public boolean mayPublishTo(String igUserId) { return grant.persona().userId().equals(igUserId); }
      @Override public boolean hasPublishPermission() { return grant.scopes().contains("instagram_business_content_publish"); }
    };
  }

  /** Still authorized: not revoked, and the app not removed, since the token was issued. */
  private boolean isLive(InstagramGrant grant) {
    return grant.generation() == personas.state(grant.persona()).tokenGeneration();
  }
}
