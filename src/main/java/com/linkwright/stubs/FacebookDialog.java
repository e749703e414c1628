package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facebook Login's dialog (www.facebook.com/{version}/dialog/oauth, the code flow), screen by screen, in the linking
 * guide's order: the login form (skipped when the browser already has a Facebook session, as a returning user's
 * does), "Continue as NAME" with "Edit Settings", the Instagram accounts, the Facebook Pages, the permissions (Yes/No
 * each) and "Done"; then the redirect back with a one-time code and the app's state, or with the user's refusal.
 * It keeps the login sessions, the dialogs under way and who finished the dialog for an app before; what each screen
 * shows is {@link FacebookDialogScreens}.
 */
final class FacebookDialog {
  static final String SESSION_COOKIE = "fb_session";

  /** The permissions the Instagram-through-a-Page flow may ask for, with the wording of Meta's permissions screen. */
  static final Permissions PERMISSIONS = Permissions.labelled(
      "instagram_basic", "Access profile and posts from the Instagram account connected to your Page",
      "instagram_content_publish", "Create and publish content on the Instagram account connected to your Page",
      "pages_show_list", "Show a list of the Pages you manage",
      "pages_read_engagement", "Read content posted on the Page",
      "business_management", "Manage your business and its assets");

  private final RegisteredApps apps;
  private final FacebookPersonaBook personas;
  private final GrantStore<FacebookGrant> grants;
  private final Map<String, FacebookPersona> sessions = new ConcurrentHashMap<>();
  private final Map<String, DialogRequest> requests = new ConcurrentHashMap<>();
  /** Users (copies, by user id) who finished the dialog for an app before: Facebook greets them as returning. */
  private final Set<String> connectedBefore = ConcurrentHashMap.newKeySet();

  FacebookDialog(RegisteredApps apps, FacebookPersonaBook personas, GrantStore<FacebookGrant> grants) {
    this.apps = apps;
    this.personas = personas;
    this.grants = grants;
  }

  ResponseDefinition dialog(ProviderRequest q, ResponseDefinitionBuilder out) {
    RegisteredApp app = apps.withClientId(q.query("client_id"));
    if (app == null) {
      return ScreenAnswers.errorPage(out, "Invalid App ID", "The provided app ID does not look like a valid app ID.");
    }
    String redirectUri = q.query("redirect_uri");
    if (!app.allowsRedirectTo(redirectUri)) {
      return ScreenAnswers.errorPage(out, "URL blocked", "This redirect failed because the redirect URI is not whitelisted in the app's "
          + "Client OAuth Settings. Make sure Client and Web OAuth Login are on and add all your app domains as Valid OAuth Redirect URIs.");
    }
    if (!"code".equals(q.query("response_type"))) {
      return ScreenAnswers.errorPage(out, "Invalid Request", "This stub serves the code flow only: response_type must be 'code'.");
    }
    String state = q.query("state");
    if (state == null || state.isBlank()) {
      return ScreenAnswers.errorPage(out, "Invalid Request", "The dialog needs a 'state' to protect the redirect back (CSRF).");
    }
    List<String> scopes = Permissions.parse(q.query("scope"));
    List<String> unknown = PERMISSIONS.unknown(scopes);
    if (!unknown.isEmpty()) {
      return ScreenAnswers.errorPage(out, "Invalid Scopes", "Invalid Scopes: " + String.join(", ", unknown)
          + ". This message is only shown to developers.");
    }
    if (!scopes.containsAll(List.of("instagram_basic", "pages_show_list"))) {
      return ScreenAnswers.errorPage(out, "Invalid Scopes", "Linking Instagram through a Page needs at least instagram_basic and pages_show_list.");
    }
    String authType = q.query("auth_type");
    if (authType != null && !"rerequest".equals(authType)) {
      return ScreenAnswers.errorPage(out, "Invalid Request", "Unknown auth_type '" + authType + "'.");
    }
    String dr = Tokens.random("dr_", 18);
    DialogRequest req = new DialogRequest(app, redirectUri, scopes, state, "rerequest".equals(authType));
    requests.put(dr, req);
    String session = q.cookie(SESSION_COOKIE);
    FacebookPersona known = session == null ? null : sessions.get(session);
    if (known != null) {
      req.persona = known;
      return FacebookDialogScreens.continueAs(out, dr, req.app, req.persona, returning(req), req.rerequest, req.scopes);
    }
    return out.withTransformerParameter("dr", dr).withTransformerParameter("appName", app.name()).build();
  }

  ResponseDefinition login(ProviderRequest form, ResponseDefinitionBuilder out) {
    DialogRequest req = request(form);
    if (req == null) {
      return expired(out);
    }
    var persona = personas.authenticate(form.form("email"), form.form("pass"));
    if (persona.isEmpty()) {
      return out.withBodyFile("login.html")
          .withTransformerParameter("dr", form.form("dr"))
          .withTransformerParameter("appName", req.app.name())
          .withTransformerParameter("email", form.form("email"))
          .withTransformerParameter("error", "The password that you've entered is incorrect.")
          .build();
    }
    req.persona = persona.get();
    String session = Tokens.random("fs_", 24);
    sessions.put(session, req.persona);
    out.withHeader("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
    return FacebookDialogScreens.continueAs(out, form.form("dr"), req.app, req.persona, returning(req), req.rerequest, req.scopes);
  }

  ResponseDefinition continueAs(ProviderRequest form, ResponseDefinitionBuilder out) {
    DialogRequest req = request(form);
    if (req == null || req.persona == null) {
      return expired(out);
    }
    switch (String.valueOf(form.form("decision"))) {
      case "cancel" -> {
        requests.remove(form.form("dr"));
        return redirectBack(out, req, "error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied");
      }
      case "continue" -> {
        // "Continue as NAME" without editing: everything the app asked for, on every Page and Instagram account
        req.instagramIds.addAll(req.persona.pages().stream().filter(p -> p.instagram() != null).map(p -> p.instagram().id()).toList());
        req.pageIds.addAll(req.persona.pages().stream().map(FacebookPersona.Page::id).toList());
        requests.remove(form.form("dr"));
        return issueCode(out, req, req.scopes, List.of());
      }
      default -> {
        return FacebookDialogScreens.instagramAccounts(out, form.form("dr"), req.app, req.persona);
      }
    }
  }

  ResponseDefinition instagramAccounts(ProviderRequest form, ResponseDefinitionBuilder out) {
    DialogRequest req = request(form);
    if (req == null || req.persona == null) {
      return expired(out);
    }
    req.instagramIds.clear();
    form.formAll("instagram").stream().filter(id -> req.persona.instagramAccount(id).isPresent()).forEach(req.instagramIds::add);
    return FacebookDialogScreens.pages(out, form.form("dr"), req.app, req.persona);
  }

  ResponseDefinition pages(ProviderRequest form, ResponseDefinitionBuilder out) {
    DialogRequest req = request(form);
    if (req == null || req.persona == null) {
      return expired(out);
    }
    req.pageIds.clear();
    form.formAll("page").stream().filter(id -> req.persona.page(id).isPresent()).forEach(req.pageIds::add);
    return FacebookDialogScreens.permissions(out, form.form("dr"), req.app, req.scopes);
  }

  ResponseDefinition permissions(ProviderRequest form, ResponseDefinitionBuilder out) {
    DialogRequest req = form.form("dr") == null ? null : requests.remove(form.form("dr"));
    if (req == null || req.persona == null) {
      return expired(out);
    }
    List<String> granted = new ArrayList<>();
    List<String> declined = new ArrayList<>();
    for (String scope : req.scopes) {
      ("no".equals(form.form("perm." + scope)) ? declined : granted).add(scope);
    }
    return issueCode(out, req, granted, declined);
  }

  /** The user finished this dialog for this app before: Facebook greets them as returning. */
  private boolean returning(DialogRequest req) {
    return connectedBefore.contains(req.persona.userId() + "@" + req.app.clientId());
  }

  private DialogRequest request(ProviderRequest form) {
    String dr = form.form("dr");
    return dr == null ? null : requests.get(dr);
  }

  private ResponseDefinition issueCode(ResponseDefinitionBuilder out, DialogRequest req, List<String> granted, List<String> declined) {
    // in the persona's order, as Facebook lists them
    List<String> pageIds = req.persona.pages().stream().map(FacebookPersona.Page::id).filter(req.pageIds::contains).toList();
    String code = grants.issueCode(new FacebookGrant(req.app, req.redirectUri, req.persona, pageIds, List.copyOf(req.instagramIds),
        List.copyOf(granted), List.copyOf(declined)));
    connectedBefore.add(req.persona.userId() + "@" + req.app.clientId());
    return redirectBack(out, req, "code=" + ScreenAnswers.enc(code));
  }

  private static ResponseDefinition redirectBack(ResponseDefinitionBuilder out, DialogRequest req, String query) {
    return ScreenAnswers.redirect(out, 302, req.redirectUri + "?" + query + "&state=" + ScreenAnswers.enc(req.state) + "#_=_");
  }

  private static ResponseDefinition expired(ResponseDefinitionBuilder out) {
    return ScreenAnswers.errorPage(out, "This page isn't available", "The link you followed may be broken, or the page may have been removed.");
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
}
