package com.linkwright.stubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state behind the stubbed Facebook Login (the code flow): login sessions, dialog requests, one-time codes,
 * tokens and what each user chose on the dialog's screens. The mappings in fixtures/facebook/mappings choose the step;
 * the screens in __files are rendered by WireMock's templating with the parameters this class adds.
 *
 * <p>The dialog's screens, in the linking guide's order: the login form (skipped when the browser already has a
 * Facebook session, as a returning user's does), "Continue as NAME" with "Edit Settings", the Instagram accounts,
 * the Facebook Pages, the permissions (Yes/No each) and "Done".
 */
public final class FacebookOAuth extends ProviderSteps {
  public static final String NAME = "facebook-oauth";
  static final String SESSION_COOKIE = "fb_session";

  /** The permissions the Instagram-through-a-Page flow may ask for, with the wording of Meta's permissions screen. */
  static final Map<String, String> PERMISSION_LABELS = linked(
      "instagram_basic", "Access profile and posts from the Instagram account connected to your Page",
      "instagram_content_publish", "Create and publish content on the Instagram account connected to your Page",
      "pages_show_list", "Show a list of the Pages you manage",
      "pages_read_engagement", "Read content posted on the Page",
      "business_management", "Manage your business and its assets");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FacebookPersonaBook personas;
  private final Map<String, FacebookPersona> sessions = new ConcurrentHashMap<>();
  private final Map<String, DialogRequest> requests = new ConcurrentHashMap<>();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Grant> tokens = new ConcurrentHashMap<>();
  /** Users (copies, by user id) who finished the dialog for an app before: Facebook greets them as returning. */
  private final Set<String> connectedBefore = ConcurrentHashMap.newKeySet();

  private final GraphPublishing publishing = new GraphPublishing(this::publisher);

  public FacebookOAuth(FacebookPersonaBook personas) {
    super(NAME, "stubbed Facebook");
    this.personas = personas;
  }

  @Override
  protected ResponseDefinition step(String step, Request request, ResponseDefinitionBuilder out, Parameters parameters) {
    return switch (step) {
      case "dialog" -> dialog(request, out);
      case "login" -> login(request, out);
      case "continue" -> continueAs(request, out);
      case "instagram-accounts" -> instagramAccounts(request, out);
      case "pages" -> pages(request, out);
      case "permissions" -> permissions(request, out);
      case "token" -> token(request, out);
      case "me-accounts" -> meAccounts(request, out);
      case "me-permissions" -> mePermissions(request, out);
      case "node" -> node(request, out);
      case "media", "media-publish" -> publishing.transform(step, request, out);
      default -> null;
    };
  }

  // --- the dialog, screen by screen

  private ResponseDefinition dialog(Request request, ResponseDefinitionBuilder out) {
    Form q = Form.parse(URI.create(request.getUrl()).getRawQuery());
    RegisteredApp app = apps.get(String.valueOf(q.first("client_id")));
    if (app == null) {
      return errorPage(out, "Invalid App ID", "The provided app ID does not look like a valid app ID.");
    }
    String redirectUri = q.first("redirect_uri");
    if (!app.redirectUri().toString().equals(redirectUri)) {
      return errorPage(out, "URL blocked", "This redirect failed because the redirect URI is not whitelisted in the app's "
          + "Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.");
    }
    if (!"code".equals(q.first("response_type"))) {
      return errorPage(out, "Invalid Request", "This stub serves the code flow only: response_type must be 'code'.");
    }
    if (q.first("state") == null || q.first("state").isBlank()) {
      return errorPage(out, "Invalid Request", "The dialog needs a 'state' to protect the redirect back (CSRF).");
    }
    List<String> scopes = scopes(q.first("scope"));
    List<String> unknown = scopes.stream().filter(s -> !PERMISSION_LABELS.containsKey(s)).toList();
    if (!unknown.isEmpty()) {
      return errorPage(out, "Invalid Scopes", "Invalid Scopes: " + String.join(", ", unknown)
          + ". This message is only shown to developers.");
    }
    if (!scopes.containsAll(List.of("instagram_basic", "pages_show_list"))) {
      return errorPage(out, "Invalid Scopes", "Linking Instagram through a Page needs at least instagram_basic and pages_show_list.");
    }
    String authType = q.first("auth_type");
    if (authType != null && !"rerequest".equals(authType)) {
      return errorPage(out, "Invalid Request", "Unknown auth_type '" + authType + "'.");
    }
    String dr = Tokens.random("dr_", 18);
    DialogRequest req = new DialogRequest(app, redirectUri, scopes, q.first("state"), "rerequest".equals(authType));
    requests.put(dr, req);
    Cookie session = request.getCookies().get(SESSION_COOKIE);
    FacebookPersona known = session == null ? null : sessions.get(session.getValue());
    if (known != null) {
      req.persona = known;
      return continueScreen(out, dr, req);
    }
    return out.withTransformerParameter("dr", dr).withTransformerParameter("appName", app.name()).build();
  }

  private ResponseDefinition login(Request request, ResponseDefinitionBuilder out) {
    Form form = Form.parse(request.getBodyAsString());
    DialogRequest req = requests.get(String.valueOf(form.first("dr")));
    if (req == null) {
      return expired(out);
    }
    var persona = personas.authenticate(form.first("email"), form.first("pass"));
    if (persona.isEmpty()) {
      return out.withBodyFile("login.html")
          .withTransformerParameter("dr", form.first("dr"))
          .withTransformerParameter("appName", req.app.name())
          .withTransformerParameter("email", form.first("email"))
          .withTransformerParameter("error", "The password that you've entered is incorrect.")
          .build();
    }
    req.persona = persona.get();
    String session = Tokens.random("fs_", 24);
    sessions.put(session, req.persona);
    out.withHeader("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
    return continueScreen(out, form.first("dr"), req);
  }

  private ResponseDefinition continueScreen(ResponseDefinitionBuilder out, String dr, DialogRequest req) {
    List<String> asked = req.scopes.stream().map(PERMISSION_LABELS::get).toList();
    return out.withBodyFile("continue.html")
        .withTransformerParameter("dr", dr)
        .withTransformerParameter("appName", req.app.name())
        .withTransformerParameter("name", req.persona.name())
        .withTransformerParameter("returning", connectedBefore.contains(req.persona.userId() + "@" + req.app.clientId()))
        .withTransformerParameter("rerequest", req.rerequest)
        .withTransformerParameter("asked", asked)
        .build();
  }

  private ResponseDefinition continueAs(Request request, ResponseDefinitionBuilder out) {
    Form form = Form.parse(request.getBodyAsString());
    DialogRequest req = requests.get(String.valueOf(form.first("dr")));
    if (req == null || req.persona == null) {
      return expired(out);
    }
    switch (String.valueOf(form.first("decision"))) {
      case "cancel" -> {
        requests.remove(form.first("dr"));
        return redirectBack(out, req, "error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied");
      }
      case "continue" -> {
        // "Continue as NAME" without editing: everything the app asked for, on every Page and Instagram account
        req.instagramIds.addAll(req.persona.pages().stream().filter(p -> p.instagram() != null).map(p -> p.instagram().id()).toList());
        req.pageIds.addAll(req.persona.pages().stream().map(FacebookPersona.Page::id).toList());
        requests.remove(form.first("dr"));
        return issueCode(out, req, req.scopes, List.of());
      }
      default -> {
        return instagramAccountsScreen(out, form.first("dr"), req);
      }
    }
  }

  private ResponseDefinition instagramAccountsScreen(ResponseDefinitionBuilder out, String dr, DialogRequest req) {
    List<Map<String, Object>> business = new ArrayList<>();
    List<Map<String, Object>> creator = new ArrayList<>();
    for (FacebookPersona.Page page : req.persona.pages()) {
      if (page.instagram() == null) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", page.instagram().id());
      row.put("username", page.instagram().username());
      row.put("page", page.name());
      ("Business".equalsIgnoreCase(page.instagram().accountType()) ? business : creator).add(row);
    }
    return out.withBodyFile("instagram-accounts.html")
        .withTransformerParameter("dr", dr)
        .withTransformerParameter("appName", req.app.name())
        .withTransformerParameter("business", business)
        .withTransformerParameter("creator", creator)
        .withTransformerParameter("none", business.isEmpty() && creator.isEmpty())
        .build();
  }

  private ResponseDefinition instagramAccounts(Request request, ResponseDefinitionBuilder out) {
    Form form = Form.parse(request.getBodyAsString());
    DialogRequest req = requests.get(String.valueOf(form.first("dr")));
    if (req == null || req.persona == null) {
      return expired(out);
    }
    req.instagramIds.clear();
    form.all("instagram").stream().filter(id -> req.persona.instagramAccount(id).isPresent()).forEach(req.instagramIds::add);
    List<Map<String, Object>> pages = new ArrayList<>();
    for (FacebookPersona.Page page : req.persona.pages()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", page.id());
      row.put("name", page.name());
      row.put("category", page.category());
      pages.add(row);
    }
    return out.withBodyFile("pages.html")
        .withTransformerParameter("dr", form.first("dr"))
        .withTransformerParameter("appName", req.app.name())
        .withTransformerParameter("pages", pages)
        .withTransformerParameter("none", pages.isEmpty())
        .build();
  }

  private ResponseDefinition pages(Request request, ResponseDefinitionBuilder out) {
    Form form = Form.parse(request.getBodyAsString());
    DialogRequest req = requests.get(String.valueOf(form.first("dr")));
    if (req == null || req.persona == null) {
      return expired(out);
    }
    req.pageIds.clear();
    form.all("page").stream().filter(id -> req.persona.page(id).isPresent()).forEach(req.pageIds::add);
    List<Map<String, Object>> permissions = new ArrayList<>();
    for (String scope : req.scopes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("scope", scope);
      row.put("label", PERMISSION_LABELS.get(scope));
      permissions.add(row);
    }
    return out.withBodyFile("permissions.html")
        .withTransformerParameter("dr", form.first("dr"))
        .withTransformerParameter("appName", req.app.name())
        .withTransformerParameter("permissions", permissions)
        .build();
  }

  private ResponseDefinition permissions(Request request, ResponseDefinitionBuilder out) {
    Form form = Form.parse(request.getBodyAsString());
    DialogRequest req = requests.remove(String.valueOf(form.first("dr")));
    if (req == null || req.persona == null) {
      return expired(out);
    }
    List<String> granted = new ArrayList<>();
    List<String> declined = new ArrayList<>();
    for (String scope : req.scopes) {
      ("no".equals(form.first("perm." + scope)) ? declined : granted).add(scope);
    }
    return issueCode(out, req, granted, declined);
  }

  private ResponseDefinition issueCode(ResponseDefinitionBuilder out, DialogRequest req, List<String> granted, List<String> declined) {
    String code = Tokens.random("AQ", 96);
    // in the persona's order, as Facebook lists them
    List<String> pageIds = req.persona.pages().stream().map(FacebookPersona.Page::id).filter(req.pageIds::contains).toList();
    codes.put(code, new Grant(req.app, req.redirectUri, req.persona, pageIds, List.copyOf(req.instagramIds),
        List.copyOf(granted), List.copyOf(declined)));
    connectedBefore.add(req.persona.userId() + "@" + req.app.clientId());
    return redirectBack(out, req, "code=" + InstagramOAuth.enc(code));
  }

  private static ResponseDefinition redirectBack(ResponseDefinitionBuilder out, DialogRequest req, String query) {
    String location = req.redirectUri + "?" + query + "&state=" + InstagramOAuth.enc(req.state) + "#_=_";
    return out.withStatus(302).withHeader("Location", location).withHeader("Cache-Control", "no-store").build();
  }

  // --- the back channel: graph.facebook.com

  private ResponseDefinition token(Request request, ResponseDefinitionBuilder out) {
    Form url = Form.parse(URI.create(request.getUrl()).getRawQuery());
    if (!"POST".equals(request.getMethod().getName()) || url.first("client_secret") != null || url.first("code") != null) {
      // Meta's guide also shows a GET; this Facebook takes the secret and the code in a POST's body only, so that a
      // client that puts them in a URL (where proxies and logs keep them) is caught
      return graphError(out, 100, "(#100) Send client_id, client_secret, redirect_uri and code in the body of a POST to "
          + "the token endpoint (application/x-www-form-urlencoded), not in its URL");
    }
    Form q = Form.parse(request.getBodyAsString());
    if (q.first("grant_type") != null && !"authorization_code".equals(q.first("grant_type"))) {
      return graphError(out, 100, "Unsupported grant_type '" + q.first("grant_type") + "' for a code");
    }
    RegisteredApp app = apps.get(String.valueOf(q.first("client_id")));
    if (app == null) {
      return graphError(out, 101, "Error validating application. Invalid application ID.");
    }
    if (!app.clientSecret().equals(q.first("client_secret"))) {
      return graphError(out, 1, "Error validating client secret.");
    }
    // one-time: the code is gone whatever happens next
    Grant grant = codes.remove(String.valueOf(q.first("code")));
    if (grant == null || grant.app() != app) {
      return graphError(out, 100, "This authorization code has been used.");
    }
    if (!grant.redirectUri().equals(q.first("redirect_uri"))) {
      return graphError(out, 100, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request");
    }
    String token = Tokens.random("EAAG", 64);
    tokens.put(token, grant);
    ObjectNode body = JSON.createObjectNode().put("access_token", token).put("token_type", "bearer").put("expires_in", 5183944);
    return out.withStatus(200).withBody(body.toString()).build();
  }

  private ResponseDefinition meAccounts(Request request, ResponseDefinitionBuilder out) {
    Grant grant = grant(request);
    if (grant == null) {
      return invalidToken(out);
    }
    Set<String> fields = fields(request, "id,name,access_token,category,tasks");
    ArrayNode data = JSON.createArrayNode();
    for (String pageId : grant.pageIds()) {
      grant.persona().page(pageId).ifPresent(page -> data.add(pageNode(grant, page, fields)));
    }
    ObjectNode body = JSON.createObjectNode().set("data", data);
    return out.withStatus(200).withBody(body.toString()).build();
  }

  private ObjectNode pageNode(Grant grant, FacebookPersona.Page page, Set<String> fields) {
    ObjectNode node = JSON.createObjectNode();
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

  private ResponseDefinition mePermissions(Request request, ResponseDefinitionBuilder out) {
    Grant grant = grant(request);
    if (grant == null) {
      return invalidToken(out);
    }
    ArrayNode data = JSON.createArrayNode();
    data.addObject().put("permission", "public_profile").put("status", "granted");
    grant.granted().forEach(p -> data.addObject().put("permission", p).put("status", "granted"));
    grant.declined().forEach(p -> data.addObject().put("permission", p).put("status", "declined"));
    return out.withStatus(200).withBody(JSON.createObjectNode().set("data", data).toString()).build();
  }

  /** GET /{id}: a Page the user shared, or an Instagram account connected to one of them. */
  private ResponseDefinition node(Request request, ResponseDefinitionBuilder out) {
    Grant grant = grant(request);
    if (grant == null) {
      return invalidToken(out);
    }
    String path = URI.create(request.getUrl()).getPath();
    String id = path.substring(path.lastIndexOf('/') + 1);
    var page = grant.pageIds().contains(id) ? grant.persona().page(id) : java.util.Optional.<FacebookPersona.Page>empty();
    if (page.isPresent()) {
      return out.withStatus(200).withBody(pageNode(grant, page.get(), fields(request, "id,name")).toString()).build();
    }
    var ig = grant.instagramIds().contains(id) ? grant.persona().instagramAccount(id) : java.util.Optional.<FacebookPersona.InstagramAccount>empty();
    if (ig.isPresent() && grant.granted().contains("instagram_basic")) {
      ObjectNode node = JSON.createObjectNode();
      for (String field : fields(request, "id")) {
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
      return out.withStatus(200).withBody(node.toString()).build();
    }
    return graphError(out, 100, "Unsupported get request. Object with ID '" + id + "' does not exist, cannot be loaded due to "
        + "missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
  }

  /**
   * Publishing with a Facebook user token (Instagram API with Facebook Login): to the Instagram accounts the user
   * selected in the dialog, with instagram_content_publish granted. The stub models no revocation of these tokens.
   */
  private GraphPublishing.Publisher publisher(String token) {
    Grant grant = tokens.get(token);
    if (grant == null) {
      return null;
    }
    return new GraphPublishing.Publisher() {
      @Override public boolean isLive() { return true; }
      @Override public String revokedMessage() { return ""; }
      @Override public boolean mayPublishTo(String igUserId) { return grant.instagramIds().contains(igUserId); }
      @Override public boolean hasPublishPermission() { return grant.granted().contains("instagram_content_publish"); }
    };
  }

  /** The Facebook user a token was issued to, or null for a token Facebook never issued. */
  String userIdOf(String token) {
    Grant grant = token == null ? null : tokens.get(token);
    return grant == null ? null : grant.persona().userId();
  }

  private Grant grant(Request request) {
    String auth = request.getHeader("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
    if (token == null) {
      token = Form.parse(URI.create(request.getUrl()).getRawQuery()).first("access_token");
    }
    return token == null ? null : tokens.get(token);
  }

  private static Set<String> fields(Request request, String defaults) {
    String raw = Form.parse(URI.create(request.getUrl()).getRawQuery()).first("fields");
    Set<String> out = new LinkedHashSet<>();
    for (String f : (raw == null || raw.isBlank() ? defaults : raw).split(",")) {
      if (!f.isBlank()) {
        out.add(f.trim());
      }
    }
    return out;
  }

  private static ResponseDefinition invalidToken(ResponseDefinitionBuilder out) {
    return graphError(out, 190, "Invalid OAuth access token - Cannot parse access token");
  }

  private static ResponseDefinition graphError(ResponseDefinitionBuilder out, int code, String message) {
    return InstagramOAuth.graphError(out, code, message);
  }

  private static ResponseDefinition errorPage(ResponseDefinitionBuilder out, String title, String message) {
    return out.withStatus(400).withBodyFile("error.html")
        .withTransformerParameter("title", title)
        .withTransformerParameter("message", message)
        .build();
  }

  private static ResponseDefinition expired(ResponseDefinitionBuilder out) {
    return errorPage(out, "This page isn't available", "The link you followed may be broken, or the page may have been removed.");
  }

  private static List<String> scopes(String raw) {
    if (raw == null) {
      return List.of();
    }
    return Arrays.stream(raw.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** One trip through the dialog, from GET /dialog/oauth to the redirect back; filled in screen by screen. */
  private static final class DialogRequest {
    final RegisteredApp app;
    final String redirectUri;
    final List<String> scopes;
    final String state;
    final boolean rerequest;
    final Set<String> instagramIds = ConcurrentHashMap.newKeySet();
    final Set<String> pageIds = ConcurrentHashMap.newKeySet();
    volatile FacebookPersona persona;

    DialogRequest(RegisteredApp app, String redirectUri, List<String> scopes, String state, boolean rerequest) {
      this.app = app;
      this.redirectUri = redirectUri;
      this.scopes = scopes;
      this.state = state;
      this.rerequest = rerequest;
    }
  }

  private record Grant(RegisteredApp app, String redirectUri, FacebookPersona persona, List<String> pageIds,
                       List<String> instagramIds, List<String> granted, List<String> declined) {}
}
