package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.InstagramPersona;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person on the stubbed providers' screens, as a {@link Visitor} (one cookie jar for the dashboard and the stubs):
 * the dashboard's "link" buttons, Instagram's login and permissions, Facebook's dialog, and the way back. Each step
 * returns the answer it got, so a test can stop anywhere and look, or bring back something else instead.
 */
final class ProviderScreens {
  private static final Pattern AR = Pattern.compile("name=\"ar\" value=\"([^\"]+)\"");
  private static final Pattern DR = Pattern.compile("name=\"dr\" value=\"([^\"]+)\"");

  private final AppUnderTest app;
  private final Visitor visitor;
  private final String csrf;

  /** {@code visitor} is signed in already. */
  ProviderScreens(AppUnderTest app, Visitor visitor) {
    this.app = app;
    this.visitor = visitor;
    this.csrf = visitor.csrf();
  }

  String csrf() {
    return csrf;
  }

  // --- Instagram Login (the default)

  /** Clicks the Instagram icon (or Relink): the dashboard's answer, a redirect to Instagram's authorization window. */
  HttpResponse<String> clickInstagramIcon() {
    return visitor.post("/social-accounts/instagram/link", "csrf", csrf);
  }

  /** Logs in on Instagram's window at {@code authorizeUrl}: the permissions screen. */
  HttpResponse<String> logInToInstagram(URI authorizeUrl, InstagramPersona persona) {
    HttpResponse<String> login = visitor.get(authorizeUrl.toString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String ar = Visitor.find(AR, login.body(), "Instagram's login form");
    return visitor.post(app.stubs.instagramUrl() + "/accounts/login",
        "ar", ar, "username", persona.username(), "password", persona.password());
  }

  /** Allow (with these toggles on) or Cancel on the permissions screen: Instagram's redirect back to the dashboard. */
  HttpResponse<String> answerInstagramPermissions(HttpResponse<String> permissionsScreen, boolean allow, List<String> toggledOn) {
    List<String> form = new ArrayList<>(List.of("ar", Visitor.find(AR, permissionsScreen.body(), "Instagram's permissions screen"),
        "decision", allow ? "allow" : "cancel"));
    toggledOn.forEach(p -> form.addAll(List.of("permission", p)));
    HttpResponse<String> back = visitor.post(app.stubs.instagramUrl() + "/oauth/authorize/consent", form.toArray(String[]::new));
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    return back;
  }

  /** Icon, login, Allow with these toggles on: Instagram's redirect back (not yet followed). */
  HttpResponse<String> instagramRedirectBack(InstagramPersona persona, List<String> toggledOn) {
    URI authorize = URI.create(Visitor.location(clickInstagramIcon()));
    return answerInstagramPermissions(logInToInstagram(authorize, persona), true, toggledOn);
  }

  /** The whole direct link with every permission on; the Social Accounts page it ends on. */
  HttpResponse<String> linkInstagram(InstagramPersona persona) {
    return visitor.follow(instagramRedirectBack(persona, InstagramSettings.PUBLISHING_SCOPES));
  }

  // --- Settings

  HttpResponse<String> saveInstagramLogin(boolean on) {
    return on ? visitor.post("/settings", "csrf", csrf, "instagramLogin", "on") : visitor.post("/settings", "csrf", csrf);
  }

  // --- through a Facebook Page (Instagram Login off)

  /** The pop-up's form post: the dashboard's redirect to Facebook's dialog. */
  HttpResponse<String> openFacebookDialog(boolean rerequest) {
    return rerequest
        ? visitor.post("/social-accounts/instagram/facebook/start", "csrf", csrf, "rerequest", "true")
        : visitor.post("/social-accounts/instagram/facebook/start", "csrf", csrf);
  }

  /** From the dialog URL to "Continue as NAME": logs in unless Facebook knows this browser already. */
  Dialog facebookDialog(URI dialogUrl, FacebookPersona persona) {
    HttpResponse<String> first = visitor.get(dialogUrl.toString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String dr = Visitor.find(DR, first.body(), "Facebook's dialog");
    HttpResponse<String> screen = first.body().contains("Continue as") ? first
        : visitor.post(app.stubs.facebookUrl() + "/login", "dr", dr, "email", persona.email(), "pass", persona.password());
    return new Dialog(dr, screen);
  }

  /** A dialog under way: its id and the screen it shows. */
  record Dialog(String dr, HttpResponse<String> screen) {}

  /** Continue as NAME without editing: everything asked for, on every Page. Facebook's redirect back. */
  HttpResponse<String> continueAs(Dialog dialog) {
    return fb("/dialog/oauth/continue", "dr", dialog.dr(), "decision", "continue");
  }

  HttpResponse<String> cancelOnFacebook(Dialog dialog) {
    return fb("/dialog/oauth/continue", "dr", dialog.dr(), "decision", "cancel");
  }

  /**
   * Edit Settings, check these Instagram accounts (all offered when null) and every Page, answer the permissions (Yes
   * unless {@code answers} says "no"), Done: Facebook's redirect back to the dashboard.
   */
  HttpResponse<String> editSettingsAndDone(Dialog dialog, List<String> instagramIds, Map<String, String> answers) {
    String igScreen = fb("/dialog/oauth/continue", "dr", dialog.dr(), "decision", "edit").body();
    List<String> form = new ArrayList<>(List.of("dr", dialog.dr()));
    (instagramIds == null ? values(igScreen, "instagram") : instagramIds).forEach(id -> form.addAll(List.of("instagram", id)));
    String pagesScreen = fb("/dialog/oauth/instagram-accounts", form.toArray(String[]::new)).body();
    form.clear();
    form.addAll(List.of("dr", dialog.dr()));
    values(pagesScreen, "page").forEach(id -> form.addAll(List.of("page", id)));
    String permissionsScreen = fb("/dialog/oauth/pages", form.toArray(String[]::new)).body();
    form.clear();
    form.addAll(List.of("dr", dialog.dr()));
    Matcher m = Pattern.compile("name=\"perm\\.([a-z_]+)\" value=\"yes\"").matcher(permissionsScreen);
    while (m.find()) {
      form.addAll(List.of("perm." + m.group(1), answers.getOrDefault(m.group(1), "yes")));
    }
    HttpResponse<String> back = fb("/dialog/oauth/permissions", form.toArray(String[]::new));
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    return back;
  }

  /**
   * The pop-up comes back to the dashboard (following its redirects), then the dashboard's window goes where the
   * pop-up's script sends it: the account choice, which redirects to Social Accounts when there is nothing to choose.
   */
  HttpResponse<String> backOnTheDashboard(HttpResponse<String> facebookRedirect) {
    HttpResponse<String> popup = visitor.follow(facebookRedirect);
    assertThat(popup.statusCode()).as(popup.body()).isEqualTo(200);
    return visitor.follow(visitor.get("/social-accounts/instagram/choose"));
  }

  /** Selects the Instagram account to link on the choice page: the Social Accounts page it ends on. */
  HttpResponse<String> choose(String instagramId) {
    return visitor.follow(visitor.post("/social-accounts/instagram/choose", "csrf", csrf, "account", instagramId));
  }

  /** Instagram Login off, the whole Facebook way with everything granted, then the only (or first) account chosen. */
  HttpResponse<String> linkThroughFacebook(FacebookPersona persona, String instagramId) {
    saveInstagramLogin(false);
    Dialog dialog = facebookDialog(URI.create(Visitor.location(openFacebookDialog(false))), persona);
    HttpResponse<String> choice = backOnTheDashboard(editSettingsAndDone(dialog, null, Map.of()));
    assertThat(choice.body()).contains("Select the Instagram account to link");
    return choose(instagramId);
  }

  private HttpResponse<String> fb(String path, String... pairs) {
    return visitor.post(app.stubs.facebookUrl() + path, pairs);
  }

  static List<String> values(String html, String name) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** A query parameter of a URL, decoded; null when absent. */
  static String query(URI url, String name) {
    String q = url.getRawQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return java.net.URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
