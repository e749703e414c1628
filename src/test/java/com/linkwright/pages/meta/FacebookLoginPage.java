package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.linkwright.pages.BrowserRegex;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.util.regex.Pattern;

/** Facebook's login form, the first screen of the Facebook dialog for someone not logged in to Facebook. */
public final class FacebookLoginPage {
  private final Page page;
  private final URI facebook;

  public FacebookLoginPage(Page page, URI facebook) {
    this.page = page;
    this.facebook = facebook;
  }

  public FacebookLoginPage expectShown() {
    assertThat(page).hasURL(dialogUrl(facebook));
    assertThat(heading()).isVisible();
    return this;
  }

  /** The Facebook dialog's address on the stubbed Facebook, with or without a Graph version. */
  public static Pattern dialogUrl(URI facebook) {
    return BrowserRegex.urlOn(facebook, "(/v[0-9.]+)?/dialog/oauth\\?");
  }

  public Locator heading() {
    return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log in to Facebook"));
  }

  public void fill(String email, String password) {
    page.getByLabel("Email address or phone number").fill(email);
    page.getByLabel("Password").fill(password);
  }

  public void clickLogIn() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
  }

}
