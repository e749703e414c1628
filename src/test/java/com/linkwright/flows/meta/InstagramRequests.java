package com.linkwright.flows.meta;

import static com.linkwright.flows.HttpForms.field;
import static com.linkwright.flows.HttpForms.redirect;
import static com.linkwright.flows.HttpForms.withAll;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;

/**
 * Instagram's login and consent (the stubbed Instagram's own forms) through their requests, as a browser sends them,
 * without drawing the screens: the shortcut for scenarios about what comes after, which features/direct.feature shows
 * screen by screen.
 */
public final class InstagramRequests {
  private final APIRequestContext api;
  private final URI instagram;

  public InstagramRequests(APIRequestContext api, URI instagram) {
    this.api = api;
    this.instagram = instagram;
  }

  /** From the authorization address to the dashboard's callback: logs in and allows every permission asked for. */
  public String logInAndAllowAll(String authorizeUrl, String username, String password) {
    String ar = field(api.get(authorizeUrl).text(), "ar", "Instagram's login form");
    String permissions = api.post(instagram + "/accounts/login", RequestOptions.create()
        .setForm(FormData.create().set("ar", ar).set("username", username).set("password", password))).text();
    FormData consent = withAll(FormData.create().set("ar", ar).set("decision", "allow"), permissions, "permission");
    return redirect(api.post(instagram + "/oauth/authorize/consent", RequestOptions.create()
        .setForm(consent).setMaxRedirects(0)));
  }
}
