package com.linkwright.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The dashboard's sign-in: a name opens a fresh, empty workspace. */
public final class SignInPage {
  private final Page page;

  public SignInPage(Page page) {
    this.page = page;
  }

  /**
   * Opens a workspace the way the sign-in form does (the same POST), without drawing the form: signing in is not
   * what the scenarios are about, and this keeps each under a second. The session cookie lands in the context.
   */
  public void signInQuickly(String name) {
    var response = page.context().request().post("/signin",
        com.microsoft.playwright.options.RequestOptions.create().setForm(com.microsoft.playwright.options.FormData.create().set("name", name))
            .setMaxRedirects(0));
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
