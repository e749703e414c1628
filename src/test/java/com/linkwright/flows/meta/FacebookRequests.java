package com.linkwright.flows.meta;

import static com.linkwright.flows.HttpForms.field;
import static com.linkwright.flows.HttpForms.redirect;
import static com.linkwright.flows.HttpForms.withAll;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facebook's dialog (the stubbed Facebook's own forms) through its requests, as the pop-up sends them, without drawing
 * the screens: the shortcut for scenarios about what comes after, which features/facebook.feature shows screen by
 * screen. Facebook's session cookie lands in the context as it would.
 */
public final class FacebookRequests {
  private static final Pattern PERMISSION = Pattern.compile("name=\"(perm\\.[a-z_]+)\" value=\"yes\"");
  private final APIRequestContext api;
  private final URI facebook;

  public FacebookRequests(APIRequestContext api, URI facebook) {
    this.api = api;
    this.facebook = facebook;
  }

  /**
   * From the dialog's address to the dashboard's callback: logs in, Edit Settings, every Instagram account and Page
   * checked, every permission Yes.
   */
  public String logInAndGrantAll(String dialogUrl, String email, String password) {
    String dr = field(api.get(dialogUrl).text(), "dr", "Facebook's dialog");
    api.post(facebook + "/login", RequestOptions.create()
        .setForm(FormData.create().set("dr", dr).set("email", email).set("pass", password)));
    String igScreen = api.post(facebook + "/dialog/oauth/continue", RequestOptions.create()
        .setForm(FormData.create().set("dr", dr).set("decision", "edit"))).text();
    String pagesScreen = api.post(facebook + "/dialog/oauth/instagram-accounts", RequestOptions.create()
        .setForm(withAll(FormData.create().set("dr", dr), igScreen, "instagram"))).text();
    String permissionsScreen = api.post(facebook + "/dialog/oauth/pages", RequestOptions.create()
        .setForm(withAll(FormData.create().set("dr", dr), pagesScreen, "page"))).text();
    FormData allYes = FormData.create().set("dr", dr);
    Matcher permissions = PERMISSION.matcher(permissionsScreen);
    while (permissions.find()) {
      allYes.set(permissions.group(1), "yes");
    }
    return redirect(api.post(facebook + "/dialog/oauth/permissions", RequestOptions.create()
        .setForm(allYes).setMaxRedirects(0)));
  }
}
