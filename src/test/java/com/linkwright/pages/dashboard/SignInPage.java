package com.linkwright.pages.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The dashboard's sign-in: a name opens a fresh, empty workspace. */
public final class SignInPage {
  private final Page page;

  public SignInPage(Page page) {
    this.page = page;
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
