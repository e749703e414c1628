package com.linkwright.flows.dashboard;

import static com.linkwright.flows.HttpForms.field;
import static com.linkwright.flows.HttpForms.find;
import static com.linkwright.flows.HttpForms.redirect;

import com.linkwright.flows.meta.FacebookRequests;
import com.linkwright.flows.meta.InstagramRequests;
import com.linkwright.harness.BrowserSession;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Preconditions that are not a scenario's subject (signed in, the Instagram Login setting, an account already
 * linked), done with the same requests the dashboard's forms send, without drawing its pages: each scenario that is
 * about them shows them screen by screen. The cookies land in the browser context as they would.
 *
 * <p>This and the pages in {@code pages.dashboard} are what a team swaps to point the features at its own dashboard;
 * Meta's side ({@code flows.meta}, {@code pages.meta}) stays.
 */
public final class DashboardShortcuts {
  private final APIRequestContext api;
  private final URI instagram;
  private final URI facebook;

  public DashboardShortcuts(APIRequestContext api, URI instagram, URI facebook) {
    this.api = api;
    this.instagram = instagram;
    this.facebook = facebook;
  }

  /** For the scenario's browser context, with the run's stubbed providers. */
  public static DashboardShortcuts of(BrowserSession session) {
    return new DashboardShortcuts(session.page().context().request(), session.harness().instagramUrl(),
        session.harness().facebookUrl());
  }

  /** Opens a fresh workspace as the sign-in form does (its page first, for the form token and pre-session cookie). */
  public void signIn(String name) {
    String token = field(api.get("/signin").text(), "csrf", "the sign-in form's token (input name=\"csrf\")");
    APIResponse response = api.post("/signin", RequestOptions.create()
        .setForm(FormData.create().set("csrf", token).set("name", name)).setMaxRedirects(0));
    if (response.status() != 303) {
      throw new IllegalStateException("Signing in to the dashboard answered " + response.status() + ": " + response.text());
    }
  }

  /** Saves the "Instagram Login" switch with the Settings form's POST. */
  public void saveInstagramLogin(boolean on) {
    String token = field(api.get("/settings").text(), "csrf", "the Settings form's token (is the dashboard user signed in?)");
    FormData data = FormData.create().set("csrf", token);
    if (on) {
      data.set("instagramLogin", "on");
    }
    APIResponse saved = api.post("/settings", RequestOptions.create().setForm(data).setMaxRedirects(0));
    if (saved.status() != 303) {
      throw new IllegalStateException("Saving Settings answered " + saved.status() + ": " + saved.text());
    }
  }

  /** The direct flow: link, Instagram's login and consent with every permission, the callback. */
  public void linkInstagram(String username, String password) {
    String authorize = redirect(api.post("/social-accounts/instagram/link", RequestOptions.create()
        .setForm(FormData.create().set("csrf", formToken())).setMaxRedirects(0)));
    String callback = new InstagramRequests(api, instagram).logInAndAllowAll(authorize, username, password);
    redirect(api.get(callback, RequestOptions.create().setMaxRedirects(0)));
  }

  /**
   * The Facebook flow up to the pop-up's return to the dashboard: the dashboard now offers the Instagram accounts to
   * select from.
   */
  public void offerThroughFacebook(String email, String password) {
    String dialog = redirect(api.post("/social-accounts/instagram/facebook/start", RequestOptions.create()
        .setForm(FormData.create().set("csrf", formToken())).setMaxRedirects(0)));
    api.get(new FacebookRequests(api, facebook).logInAndGrantAll(dialog, email, password));
  }

  /** The whole Facebook flow, then selecting {@code instagramUsername} among the accounts offered. */
  public void linkThroughFacebook(String email, String password, String instagramUsername) {
    offerThroughFacebook(email, password);
    String choice = api.get("/social-accounts/instagram/choose").text();
    String account = find(choice, "name=\"account\" value=\"([^\"]+)\" required>\\s*<label for=\"account-[0-9]+\">@"
        + Pattern.quote(instagramUsername) + "\\s", "@" + instagramUsername + " among the accounts to select");
    redirect(api.post("/social-accounts/instagram/choose", RequestOptions.create()
        .setForm(FormData.create().set("csrf", formToken()).set("account", account)).setMaxRedirects(0)));
  }

  /**
   * Posts an image to the dashboard's API as the Post page's script does, with the size the browser claims for it
   * (the image is sent as JPEG, whatever its name).
   */
  public APIResponse postToApi(String formToken, Path image, String caption, int width, int height) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return api.post("/api/post", RequestOptions.create().setMultipart(
        FormData.create().set("csrf", formToken).set("post", caption)
            .set("width", String.valueOf(width)).set("height", String.valueOf(height))
            .set("media", new FilePayload(image.getFileName().toString(), "image/jpeg", bytes))));
  }

  /** The workspace's form token, as the Social Accounts page carries it. */
  private String formToken() {
    return field(api.get("/social-accounts").text(), "csrf", "the dashboard's form token");
  }
}
