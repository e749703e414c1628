package com.linkwright.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard's sign-in: a name opens a fresh, empty workspace. */
public final class SignInPage {
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final Page page;

  public SignInPage(Page page) {
    this.page = page;
  }

  /**
   * Opens a workspace the way the sign-in form does (the same POST), without drawing the form: signing in is not
   * what the scenarios are about, and this keeps each under a second. The session cookie lands in the context.
   */
  public void signInQuickly(String name) {
    var request = page.context().request();
    // the sign-in page first, as a browser would load it: its form token and the pre-session cookie it sets
    Matcher token = FORM_TOKEN.matcher(request.get("/signin").text());
    if (!token.find()) {
      throw new IllegalStateException("The dashboard's sign-in page has no form token (input name=\"csrf\")");
    }
    var response = request.post("/signin", RequestOptions.create()
        .setForm(FormData.create().set("csrf", token.group(1)).set("name", name)).setMaxRedirects(0));
    if (response.status() != 303) {
      throw new IllegalStateException("Signing in to the dashboard answered " + response.status() + ": " + response.text());
    }
  }

  public SocialAccountsPage signInAs(String name) {
    page.navigate("/signin");
    page.getByLabel("Your name").fill(name);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my dashboard")).click();
    SocialAccountsPage accounts = new SocialAccountsPage(page);
    assertThat(accounts.heading()).isVisible();
    return accounts;
  }
}
