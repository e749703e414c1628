package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instagram's own settings pages that the troubleshooting guide sends people to: "Your app and media → Website
 * permissions → Apps and websites", where an app the account authorized can be removed. Reached with the Instagram
 * login cookie that the authorization window's login sets, as on the real site.
 */
final class InstagramAccountPages {
  static final String COOKIE = "sessionid";
  private final InstagramPersonaBook personas;
  private final Map<String, InstagramPersona> sessions = new ConcurrentHashMap<>();

  InstagramAccountPages(InstagramPersonaBook personas) {
    this.personas = personas;
  }

  /** A new Instagram login for the persona: the Set-Cookie header value. */
  String signIn(InstagramPersona persona) {
    String id = Tokens.random("", 24);
    sessions.put(id, persona);
    return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax";
  }

  ResponseDefinition transform(String step, ProviderRequest request, ResponseDefinitionBuilder out) {
    String cookie = request.cookie(COOKIE);
    InstagramPersona persona = cookie == null ? null : sessions.get(cookie);
    if (persona == null) {
      return ScreenAnswers.page(out.withStatus(200), "Log in to Instagram", "Log in to see your apps and websites.");
    }
    InstagramAccountState account = personas.state(persona);
    if ("remove-app".equals(step)) {
      String app = request.form("app");
      if (app != null && account.apps().contains(app)) {
        account.removeApp(app);
      }
      return ScreenAnswers.redirect(out, 303, "/accounts/manage_access/?removed=" + ScreenAnswers.enc(String.valueOf(app)));
    }
    String removed = request.query("removed");
    return out.withTransformerParameter("username", persona.username())
        .withTransformerParameter("apps", account.apps())
        .withTransformerParameter("removed", removed == null ? "" : removed)
        .build();
  }
}
