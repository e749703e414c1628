package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.linkwright.pages.BrowserRegex;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;

/** Instagram's login form (the stubbed Instagram, on its own origin). */
public final class InstagramLoginPage {
  private final Page page;
  private final URI instagram;

  public InstagramLoginPage(Page page, URI instagram) {
    this.page = page;
    this.instagram = instagram;
  }

  public InstagramLoginPage expectShown() {
    assertThat(page).hasURL(BrowserRegex.urlOn(instagram, "/oauth/authorize\\?"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Instagram"))).isVisible();
    return this;
  }

  public void logIn(String username, String password) {
    fill(username, password);
    clickLogIn();
  }

  public void fill(String username, String password) {
    page.getByLabel("Phone number, username, or email").fill(username);
    page.getByLabel("Password").fill(password);
  }

  public void clickLogIn() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }

  public Locator error() {
    return page.getByRole(AriaRole.ALERT);
  }
}
