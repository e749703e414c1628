package com.linkwright.stubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state behind the stubbed Instagram Login (Business Login for Instagram): authorization requests,
 * one-time codes and tokens. The mappings in fixtures/instagram/mappings choose the step; the pages in
 * __files are rendered by WireMock's templating with what this class adds as transformer parameters.
 */
public final class InstagramOAuth extends ProviderSteps {
  public static final String NAME = "instagram-oauth";

  /** What a permission toggle says, per scope (Meta's wording on the consent screen). */
  static final Map<String, String> PERMISSION_LABELS = Map.of(
      "instagram_business_basic", "Access profile and media",
      "instagram_business_content_publish", "Publish content",
      "instagram_business_manage_comments", "Manage comments",
      "instagram_business_manage_messages", "Manage messages",
      "instagram_business_manage_insights", "Access insights");
  private static final String REQUIRED_SCOPE = "instagram_business_basic";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InstagramPersonaBook personas;
  private final Map<String, AuthRequest> requests = new ConcurrentHashMap<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
  private final InstagramAccountPages accountPages;
  private final GraphPublishing publishing;

  public InstagramOAuth(InstagramPersonaBook personas) {
    super(NAME, "stubbed Instagram");
    this.personas = personas;
    this.accountPages = new InstagramAccountPages(personas);
    this.publishing = new GraphPublishing(this::publisher);
  }

  @Override
  protected ResponseDefinition step(String step, Request request, ResponseDefinitionBuilder out, Parameters parameters) {
    return switch (step) {
      case "authorize" -> authorize(request, out);
      case "login" -> login(request, out);
      case "consent" -> consent(request, out);
      case "token" -> token(request, out, String.valueOf(parameters.getOrDefault("shape", "data")));
      case "exchange" -> exchange(request, out);
      case "me" -> me(request, out);
      case "apps", "remove-app" -> accountPages.transform(step, request, out);
      case "media", "media-publish" -> publishing.transform(step, request, out);
      default -> null;
    };
  }

  private ResponseDefinition authorize(Request request, ResponseDefinitionBuilder out) {
    Form q = Form.parse(URI.create(request.getUrl()).getRawQuery());
    RegisteredApp app = apps.get(String.valueOf(q.first("client_id")));
    if (app == null) {
      return errorPage(out, "Invalid Request", "Invalid platform app");
    }
    String redirectUri = q.first("redirect_uri");
    if (!app.redirectUri().toString().equals(redirectUri)) {
      return errorPage(out, "Invalid Request", "Redirect URI does not match registered redirect URI");
    }
    if (!"code".equals(q.first("response_type"))) {
      return errorPage(out, "Invalid Request", "Invalid response_type: only 'code' is supported");
    }
    List<String> scopes = scopes(q.first("scope"));
    List<String> unknown = scopes.stream().filter(s -> !PERMISSION_LABELS.containsKey(s)).toList();
    if (!unknown.isEmpty() || !scopes.contains(REQUIRED_SCOPE)) {
      return errorPage(out, "Invalid Request", "Invalid scope field(s): " + String.join(",", unknown.isEmpty() ? List.of("missing " + REQUIRED_SCOPE) : unknown));
    }
    String ar = Tokens.random("ar_", 18);
    requests.put(ar, new AuthRequest(app, redirectUri, scopes, q.first("state")));
    return out.withTransformerParameter("ar", ar).withTransformerParameter("appName", app.name()).build();
  }

  private ResponseDefinition login(Request request, ResponseDefinitionBuilder out) {
    Form form = Form.parse(request.getBodyAsString());
    AuthRequest ar = requests.get(String.valueOf(form.first("ar")));
    if (ar == null) {
      return errorPage(out, "Sorry, this page isn't available.", "The login link you followed may be broken, or it has expired.");
    }
    var persona = personas.authenticate(form.first("username"), form.first("password"));
    if (persona.isEmpty()) {
      return out.withBodyFile("login.html")
          .withTransformerParameter("ar", form.first("ar"))
          .withTransformerParameter("appName", ar.app().name())
          .withTransformerParameter("username", form.first("username"))
          .withTransformerParameter("error", "Sorry, your password was incorrect. Please double-check your password.")
          .build();
    }
    ar.persona = persona.get();
    // Instagram remembers the login in its own cookie: its settings pages (Apps and websites) use it
    out.withHeader("Set-Cookie", accountPages.signIn(ar.persona));
    List<Map<String, Object>> permissions = new ArrayList<>();
    for (String scope : ar.scopes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("scope", scope);
      row.put("label", PERMISSION_LABELS.get(scope));
      row.put("required", REQUIRED_SCOPE.equals(scope));
      permissions.add(row);
    }
    return out.withTransformerParameter("ar", form.first("ar"))
        .withTransformerParameter("appName", ar.app().name())
        .withTransformerParameter("username", ar.persona.username())
        .withTransformerParameter("permissions", permissions)
        .build();
  }

  private ResponseDefinition consent(Request request, ResponseDefinitionBuilder out) {
    Form form = Form.parse(request.getBodyAsString());
    AuthRequest ar = requests.remove(String.valueOf(form.first("ar")));
    if (ar == null || ar.persona == null) {
      return errorPage(out.withStatus(400), "Sorry, this page isn't available.", "The login link you followed may be broken, or it has expired.");
    }
    StringBuilder location = new StringBuilder(ar.redirectUri()).append('?');
    if (!"allow".equals(form.first("decision"))) {
      location.append("error=access_denied&error_reason=user_denied&error_description=")
          .append(enc("The user denied your request"));
    } else {
      Set<String> granted = new LinkedHashSet<>(form.all("permission"));
      granted.retainAll(ar.scopes());
      granted.add(REQUIRED_SCOPE);
      String code = Tokens.random("AQ", 96);
      InstagramAccountState account = personas.state(ar.persona);
      boolean sessionInvalid = account.hasStaleAuthorization(ar.app().name());
      account.authorized(ar.app().name());
      codes.put(code, new Grant(ar.app(), ar.redirectUri(), ar.persona, List.copyOf(granted), false,
          account.tokenGeneration(), sessionInvalid));
      location.append("code=").append(enc(code));
    }
    if (ar.state() != null) {
      location.append("&state=").append(enc(ar.state()));
    }
    if (location.indexOf("code=") >= 0) {
      location.append("#_");
    }
    return out.withStatus(302).withHeader("Location", location.toString()).withHeader("Cache-Control", "no-store").build();
  }

  private ResponseDefinition token(Request request, ResponseDefinitionBuilder out, String shape) {
    Form url = Form.parse(URI.create(request.getUrl()).getRawQuery());
    if (url.first("client_secret") != null || url.first("code") != null) {
      return igError(out, "client_secret and code go in the form body of this POST, not in its URL");
    }
    Form form = Form.parse(request.getBodyAsString());
    RegisteredApp app = apps.get(String.valueOf(form.first("client_id")));
    if (app == null || !app.clientSecret().equals(form.first("client_secret"))) {
      return igError(out, "Invalid Client Secret");
    }
    if (!"authorization_code".equals(form.first("grant_type"))) {
      return igError(out, "Invalid grant_type: only 'authorization_code' is supported");
    }
    // one-time: the code is gone whatever happens next
    Grant grant = codes.remove(String.valueOf(form.first("code")));
    if (grant == null || grant.app() != app) {
      return igError(out, "Matching code was not found or was already used");
    }
    if (!grant.redirectUri().equals(form.first("redirect_uri"))) {
      return igError(out, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request");
    }
    if (grant.sessionInvalid()) {
      // the account authorized this app before and Instagram still holds that authorization (troubleshooting guide)
      return igError(out, "Session Invalid");
    }
    String token = Tokens.random("IGAA", 48);
    tokens.put(token, grant);
    ObjectNode entry = JSON.createObjectNode()
        .put("access_token", token)
        .put("user_id", grant.persona().userId())
        .put("permissions", String.join(",", grant.scopes()));
    Object body = "flat".equals(shape) ? entry : JSON.createObjectNode().set("data", JSON.createArrayNode().add(entry));
    return out.withStatus(200).withBody(body.toString()).build();
  }

  private ResponseDefinition exchange(Request request, ResponseDefinitionBuilder out) {
    if (!"GET".equals(request.getMethod().getName())) {
      // Meta documents GET /access_token only ("Creating: This operation is not supported")
      return graphError(out, 100, 33, "Unsupported " + request.getMethod().getName().toLowerCase() + " request. Object with ID "
          + "'access_token' does not exist, cannot be loaded due to missing permissions, or does not support this operation. "
          + "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
    }
    Form q = Form.parse(URI.create(request.getUrl()).getRawQuery());
    Grant shortLived = tokens.get(String.valueOf(q.first("access_token")));
    boolean secretOk = apps.values().stream().anyMatch(a -> a.clientSecret().equals(q.first("client_secret")));
    if (!"ig_exchange_token".equals(q.first("grant_type")) || !secretOk || shortLived == null || shortLived.longLived()) {
      return graphError(out, 190, "Invalid OAuth access token - Cannot parse access token");
    }
    String token = Tokens.random("IGAA", 64);
    tokens.put(token, new Grant(shortLived.app(), shortLived.redirectUri(), shortLived.persona(), shortLived.scopes(), true,
        shortLived.generation(), false));
    ObjectNode body = JSON.createObjectNode().put("access_token", token).put("token_type", "bearer").put("expires_in", 5183944);
    return out.withStatus(200).withBody(body.toString()).build();
  }

  private ResponseDefinition me(Request request, ResponseDefinitionBuilder out) {
    Form q = Form.parse(URI.create(request.getUrl()).getRawQuery());
    String token = bearer(request);
    if (token == null) {
      token = q.first("access_token");
    }
    Grant grant = token == null ? null : tokens.get(token);
    if (grant == null) {
      return graphError(out, 190, "Invalid OAuth access token - Cannot parse access token");
    }
    if (!isLive(grant)) {
      return revoked(out, grant);
    }
    InstagramPersona p = grant.persona();
    String fields = q.first("fields") == null ? "id,username" : q.first("fields");
    ObjectNode body = JSON.createObjectNode();
    for (String field : fields.split(",")) {
      switch (field.trim()) {
        case "id", "user_id" -> body.put(field.trim(), p.userId());
        case "username" -> body.put("username", p.username());
        case "name" -> body.put("name", p.name());
        case "account_type" -> body.put("account_type", personas.state(p).reportedAccountType());
        default -> { }
      }
    }
    return out.withStatus(200).withBody(body.toString()).build();
  }

  /** Publishing with an Instagram user token: to its own account, with instagram_business_content_publish. */
  private GraphPublishing.Publisher publisher(String token) {
    Grant grant = tokens.get(token);
    if (grant == null) {
      return null;
    }
    return new GraphPublishing.Publisher() {
      @Override public boolean isLive() { return InstagramOAuth.this.isLive(grant); }
      @Override public String revokedMessage() { return InstagramOAuth.revokedMessage(grant); }
      @Override public boolean mayPublishTo(String igUserId) { return grant.persona().userId().equals(igUserId); }
      @Override public boolean hasPublishPermission() { return grant.scopes().contains("instagram_business_content_publish"); }
    };
  }

  /** Still authorized: not revoked, and the app not removed, since the token was issued. */
  boolean isLive(Grant grant) {
    return grant.generation() == personas.state(grant.persona()).tokenGeneration();
  }

  /** Graph's answer to a token whose authorization is gone: 190, subcode 458 (the app is no longer authorized). */
  static ResponseDefinition revoked(ResponseDefinitionBuilder out, Grant grant) {
    return graphError(out, 190, 458, revokedMessage(grant));
  }

  private static String revokedMessage(Grant grant) {
    return "Error validating access token: User " + grant.persona().userId()
        + " has not authorized application " + grant.app().clientId() + ".";
  }

  static String bearer(Request request) {
    String auth = request.getHeader("Authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
  }

  private static List<String> scopes(String raw) {
    if (raw == null) {
      return List.of();
    }
    return Arrays.stream(raw.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
  }

  private static ResponseDefinition errorPage(ResponseDefinitionBuilder out, String title, String message) {
    return out.withStatus(400).withBodyFile("error.html")
        .withTransformerParameter("title", title)
        .withTransformerParameter("message", message)
        .build();
  }

  private static ResponseDefinition igError(ResponseDefinitionBuilder out, String message) {
    ObjectNode body = JSON.createObjectNode().put("error_type", "OAuthException").put("code", 400).put("error_message", message);
    return out.withStatus(400).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString()).build();
  }

  static ResponseDefinition graphError(ResponseDefinitionBuilder out, int code, String message) {
    return graphError(out, code, 0, message);
  }

  static ResponseDefinition graphError(ResponseDefinitionBuilder out, int code, int subcode, String message) {
    ObjectNode error = JSON.createObjectNode().put("message", message).put("type", "OAuthException").put("code", code);
    if (subcode != 0) {
      error.put("error_subcode", subcode);
    }
    error.put("fbtrace_id", Tokens.random("A", 9));
    return out.withStatus(400).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(JSON.createObjectNode().set("error", error).toString()).build();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One trip through the authorization window, from GET /oauth/authorize to the redirect back. */
  private static final class AuthRequest {
    private final RegisteredApp app;
    private final String redirectUri;
    private final List<String> scopes;
    private final String state;
    private volatile InstagramPersona persona;

    AuthRequest(RegisteredApp app, String redirectUri, List<String> scopes, String state) {
      this.app = app;
      this.redirectUri = redirectUri;
      this.scopes = scopes;
      this.state = state;
    }

    RegisteredApp app() { return app; }
    String redirectUri() { return redirectUri; }
    List<String> scopes() { return scopes; }
    String state() { return state; }
  }

  /** What a code or token stands for; {@code generation} ties it to the account's authorization at the time. */
  record Grant(RegisteredApp app, String redirectUri, InstagramPersona persona, List<String> scopes, boolean longLived,
               int generation, boolean sessionInvalid) {}
}
