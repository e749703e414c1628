package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instagram's authorization window (www.instagram.com/oauth/authorize): the request checked against the registered
 * app, the login form, the permissions screen, and the redirect back with a one-time code and the app's state, or
 * with {@code error=access_denied}.
 */
final class InstagramAuthorization {
  /** What a permission toggle says, per scope (Meta's wording on the consent screen). */
  static final Permissions PERMISSIONS = Permissions.labelled(
      "instagram_business_basic", "Access profile and media",
      "instagram_business_content_publish", "Publish content",
      "instagram_business_manage_comments", "Manage comments",
      "instagram_business_manage_messages", "Manage messages",
      "instagram_business_manage_insights", "Access insights");
  static final String REQUIRED_SCOPE = "instagram_business_basic";
  private static final String EXPIRED_TITLE = "Sorry, this page isn't available.";
  private static final String EXPIRED = "The login link you followed may be broken, or it has expired.";

  private final RegisteredApps apps;
  private final InstagramPersonaBook personas;
  private final InstagramAccountPages accountPages;
  private final GrantStore<InstagramGrant> grants;
  private final Map<String, AuthRequest> requests = new ConcurrentHashMap<>();

  InstagramAuthorization(RegisteredApps apps, InstagramPersonaBook personas, InstagramAccountPages accountPages,
                         GrantStore<InstagramGrant> grants) {
    this.apps = apps;
    this.personas = personas;
    this.accountPages = accountPages;
    this.grants = grants;
  }

  ResponseDefinition authorize(ProviderRequest q, ResponseDefinitionBuilder out) {
    RegisteredApp app = apps.withClientId(q.query("client_id"));
    if (app == null) {
      return ScreenAnswers.errorPage(out, "Invalid Request", "Invalid platform app");
    }
    String redirectUri = q.query("redirect_uri");
    if (!app.allowsRedirectTo(redirectUri)) {
      return ScreenAnswers.errorPage(out, "Invalid Request", "Redirect URI does not match registered redirect URI");
    }
    if (!"code".equals(q.query("response_type"))) {
      return ScreenAnswers.errorPage(out, "Invalid Request", "Invalid response_type: only 'code' is supported");
    }
    List<String> scopes = Permissions.parse(q.query("scope"));
    List<String> unknown = PERMISSIONS.unknown(scopes);
    if (!unknown.isEmpty() || !scopes.contains(REQUIRED_SCOPE)) {
      return ScreenAnswers.errorPage(out, "Invalid Request", "Invalid scope field(s): "
          + String.join(",", unknown.isEmpty() ? List.of("missing " + REQUIRED_SCOPE) : unknown));
    }
    String ar = Tokens.random("ar_", 18);
    requests.put(ar, new AuthRequest(app, redirectUri, scopes, q.query("state")));
    return out.withTransformerParameter("ar", ar).withTransformerParameter("appName", app.name()).build();
  }

  ResponseDefinition login(ProviderRequest form, ResponseDefinitionBuilder out) {
    AuthRequest ar = form.form("ar") == null ? null : requests.get(form.form("ar"));
    if (ar == null) {
      return ScreenAnswers.errorPage(out, EXPIRED_TITLE, EXPIRED);
    }
    var persona = personas.authenticate(form.form("username"), form.form("password"));
    if (persona.isEmpty()) {
      return out.withBodyFile("login.html")
          .withTransformerParameter("ar", form.form("ar"))
          .withTransformerParameter("appName", ar.app().name())
          .withTransformerParameter("username", form.form("username"))
          .withTransformerParameter("error", "Sorry, your password was incorrect. Please double-check your password.")
          .build();
    }
    ar.persona = persona.get();
    // Instagram remembers the login in its own cookie: its settings pages (Apps and websites) use it
    out.withHeader("Set-Cookie", accountPages.signIn(ar.persona));
    return out.withTransformerParameter("ar", form.form("ar"))
        .withTransformerParameter("appName", ar.app().name())
        .withTransformerParameter("username", ar.persona.username())
        .withTransformerParameter("permissions", PERMISSIONS.rows(ar.scopes(), REQUIRED_SCOPE))
        .build();
  }

  ResponseDefinition consent(ProviderRequest form, ResponseDefinitionBuilder out) {
    AuthRequest ar = form.form("ar") == null ? null : requests.remove(form.form("ar"));
    if (ar == null || ar.persona == null) {
      return ScreenAnswers.errorPage(out, EXPIRED_TITLE, EXPIRED);
    }
    StringBuilder location = new StringBuilder(ar.redirectUri()).append('?');
    if (!"allow".equals(form.form("decision"))) {
      location.append("error=access_denied&error_reason=user_denied&error_description=")
          .append(ScreenAnswers.enc("The user denied your request"));
    } else {
      Set<String> granted = new LinkedHashSet<>(form.formAll("permission"));
      granted.retainAll(ar.scopes());
      granted.add(REQUIRED_SCOPE);
      InstagramAccountState account = personas.state(ar.persona);
      boolean sessionInvalid = account.hasStaleAuthorization(ar.app().name());
      account.authorized(ar.app().name());
      String code = grants.issueCode(new InstagramGrant(ar.app(), ar.redirectUri(), ar.persona, List.copyOf(granted), false,
          account.tokenGeneration(), sessionInvalid));
      location.append("code=").append(ScreenAnswers.enc(code));
    }
    if (ar.state() != null) {
      location.append("&state=").append(ScreenAnswers.enc(ar.state()));
    }
    if (location.indexOf("code=") >= 0) {
      location.append("#_");
    }
    return ScreenAnswers.redirect(out, 302, location.toString());
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
}
