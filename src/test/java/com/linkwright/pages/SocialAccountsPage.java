package com.linkwright.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard's Social Accounts page: the Instagram icon, and the account once linked. */
public final class SocialAccountsPage {
  private final Page page;

  public SocialAccountsPage(Page page) {
    this.page = page;
  }

  public SocialAccountsPage open() {
    page.navigate("/social-accounts");
    assertThat(heading()).isVisible();
    return this;
  }

  /** Navigates to Social Accounts unless the tab already shows it (as it does after a link, an unlink or a notice). */
  public SocialAccountsPage openUnlessShown() {
    if (!page.url().matches("https?://[^/]+/social-accounts(#.*)?")) {
      return open();
    }
    assertThat(heading()).isVisible();
    return this;
  }

  public Locator heading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Social Accounts").setLevel(1));
  }

  public Locator instagramCard() {
    return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Instagram"));
  }

  public Locator instagramIcon() {
    return instagramCard().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Instagram").setExact(true));
  }

  public void clickInstagramIcon() {
    assertThat(heading()).isVisible();
    instagramIcon().click();
  }

  /** The message at the top of the page: a success (status) or a problem (alert). */
  public Locator notice() {
    return page.getByRole(AriaRole.ALERT).or(page.getByRole(AriaRole.STATUS));
  }

  /** Linked and working: with every permission granted and a token Instagram still takes, the card warns of nothing. */
  public void expectLinked(String username, String accountType) {
    assertThat(heading()).isVisible();
    assertThat(instagramCard()).containsText("Linked: @" + username);
    assertThat(instagramCard()).containsText(accountType + " account");
    assertThat(instagramCard().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlink"))).isVisible();
    assertThat(instagramCard()).not().containsText("Missing permissions");
    assertThat(instagramCard()).not().containsText("Needs to be relinked");
  }

  /** Nothing linked, the icon ready to try again, and no message claiming that something was linked. */
  public void expectNotLinked() {
    assertThat(heading()).isVisible();
    assertThat(instagramCard()).containsText("Not linked");
    assertThat(instagramIcon()).isVisible();
    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
        .setHasText(Pattern.compile("Instagram (re)?linked|is now linked")))).hasCount(0);
  }

  /** The problems the page reports (alerts) that are shown. */
  public Locator alerts() {
    return page.getByRole(AriaRole.ALERT);
  }

  /** A problem the page reports (an alert), as opposed to a confirmation. */
  public Locator alertSaying(String text) {
    return page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText(text));
  }

  /** A confirmation the page shows (a status), as opposed to a problem. */
  public Locator confirmationSaying(String text) {
    return page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(text));
  }

  /**
   * Links Instagram the way the browser does (the same requests: link, Instagram's login and consent with every
   * permission, the callback) without drawing the pages: for scenarios about what comes after linking, which the
   * direct-flow scenarios already show screen by screen. Cookies land in the context as they would.
   */
  public void linkInstagramQuickly(URI instagram, String username, String password) {
    APIRequestContext api = page.context().request();
    String csrf = find(api.get("/social-accounts").text(), "name=\"csrf\" value=\"([^\"]+)\"", "the dashboard's form token");
    String authorize = redirect(api.post("/social-accounts/instagram/link", RequestOptions.create()
        .setForm(FormData.create().set("csrf", csrf)).setMaxRedirects(0)));
    String ar = find(api.get(authorize).text(), "name=\"ar\" value=\"([^\"]+)\"", "Instagram's login form");
    String permissions = api.post(instagram + "/accounts/login", RequestOptions.create()
        .setForm(FormData.create().set("ar", ar).set("username", username).set("password", password))).text();
    FormData consent = FormData.create().set("ar", ar).set("decision", "allow");
    Matcher scopes = Pattern.compile("name=\"permission\" value=\"([^\"]+)\"").matcher(permissions);
    while (scopes.find()) {
      consent.append("permission", scopes.group(1));
    }
    String callback = redirect(api.post(instagram + "/oauth/authorize/consent", RequestOptions.create()
        .setForm(consent).setMaxRedirects(0)));
    redirect(api.get(callback, RequestOptions.create().setMaxRedirects(0)));
    open();
  }

  /**
   * Links Instagram through Facebook the way the pop-up does (the same requests: start, Facebook's login, Edit
   * Settings, every Instagram account and Page checked, every permission Yes, the callback, then selecting
   * {@code instagramUsername} on the dashboard) without drawing the screens: for scenarios about what comes after,
   * which features/facebook.feature shows screen by screen. Facebook's session cookie lands in the context as it would.
   */
  public void linkThroughFacebookQuickly(URI facebook, String email, String password, String instagramUsername) {
    APIRequestContext api = page.context().request();
    String csrf = offerThroughFacebookQuickly(facebook, email, password);
    String choice = api.get("/social-accounts/instagram/choose").text();
    String account = find(choice, "name=\"account\" value=\"([^\"]+)\" required>\\s*<label for=\"account-[0-9]+\">@"
        + Pattern.quote(instagramUsername) + "\\s", "@" + instagramUsername + " among the accounts to select");
    redirect(api.post("/social-accounts/instagram/choose", RequestOptions.create()
        .setForm(FormData.create().set("csrf", csrf).set("account", account)).setMaxRedirects(0)));
    open();
  }

  /**
   * The Facebook part of {@link #linkThroughFacebookQuickly} up to the pop-up's return to the dashboard: the dashboard
   * now offers the Instagram accounts to select from. Returns the dashboard's form token.
   */
  public String offerThroughFacebookQuickly(URI facebook, String email, String password) {
    APIRequestContext api = page.context().request();
    String csrf = find(api.get("/social-accounts").text(), "name=\"csrf\" value=\"([^\"]+)\"", "the dashboard's form token");
    String dialog = redirect(api.post("/social-accounts/instagram/facebook/start", RequestOptions.create()
        .setForm(FormData.create().set("csrf", csrf)).setMaxRedirects(0)));
    String dr = find(api.get(dialog).text(), "name=\"dr\" value=\"([^\"]+)\"", "Facebook's dialog");
    api.post(facebook + "/login", RequestOptions.create()
        .setForm(FormData.create().set("dr", dr).set("email", email).set("pass", password)));
    String igScreen = api.post(facebook + "/dialog/oauth/continue", RequestOptions.create()
        .setForm(FormData.create().set("dr", dr).set("decision", "edit"))).text();
    String pagesScreen = api.post(facebook + "/dialog/oauth/instagram-accounts", RequestOptions.create()
        .setForm(checkAll(dr, igScreen, "instagram"))).text();
    String permissionsScreen = api.post(facebook + "/dialog/oauth/pages", RequestOptions.create()
        .setForm(checkAll(dr, pagesScreen, "page"))).text();
    FormData allYes = FormData.create().set("dr", dr);
    Matcher permissions = Pattern.compile("name=\"(perm\\.[a-z_]+)\" value=\"yes\"").matcher(permissionsScreen);
    while (permissions.find()) {
      allYes.set(permissions.group(1), "yes");
    }
    String callback = redirect(api.post(facebook + "/dialog/oauth/permissions", RequestOptions.create()
        .setForm(allYes).setMaxRedirects(0)));
    api.get(callback);
    return csrf;
  }

  /** A dialog screen's form with every checkbox called {@code name} checked. */
  private static FormData checkAll(String dr, String html, String name) {
    FormData form = FormData.create().set("dr", dr);
    Matcher boxes = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    while (boxes.find()) {
      form.append(name, boxes.group(1));
    }
    return form;
  }

  private static String redirect(APIResponse response) {
    String location = response.headers().get("location");
    if (response.status() / 100 != 3 || location == null) {
      throw new IllegalStateException("Expected a redirect from " + response.url() + ", got " + response.status() + ": " + response.text());
    }
    return location;
  }

  private static String find(String html, String regex, String what) {
    Matcher m = Pattern.compile(regex).matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("Could not find " + what + " in: " + html);
    }
    return m.group(1);
  }

  public void expectNeedsRelinking(String username) {
    assertThat(heading()).isVisible();
    assertThat(instagramCard()).containsText("Needs to be relinked: @" + username);
    assertThat(instagramCard()).containsText("Relink it to keep posting");
    assertThat(instagramCard()).not().containsText("Linked: @");
  }

  /** How many Instagram accounts the card lists (linked or needing a relink). */
  public Locator listedAccounts() {
    return instagramCard().locator(".handle");
  }

  public void relinkInstagram() {
    instagramCard().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Relink")).click();
  }

  /** A link in the message at the top of the page (the documented fixes link to where they are done). */
  public void followNoticeLink(String name) {
    notice().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
  }

  public void unlinkInstagram() {
    instagramCard().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlink")).click();
  }

  /** The message at the top of the page that says {@code text} (the page may show more than one). */
  public Locator noticeSaying(String text) {
    return notice().filter(new Locator.FilterOptions().setHasText(text));
  }

  public void expectLinkedVia(String username, String accountType, String facebookPage) {
    expectLinked(username, accountType);
    assertThat(instagramCard()).containsText("via Facebook Page " + facebookPage);
  }

  /** What the card says about the Facebook pop-up: waiting for it, or that it was closed. */
  public Locator popupStatus() {
    return instagramCard().getByRole(AriaRole.STATUS);
  }

  /** The card's warning when the browser blocked the Facebook pop-up. */
  public Locator popupBlocked() {
    return instagramCard().getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Pop-ups are blocked"));
  }

  public void continueWithFacebook() {
    popupBlocked().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue with Facebook")).click();
  }

  public void askAgainForMissingPermissions() {
    instagramCard().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ask again for the missing permissions")).click();
  }
}
