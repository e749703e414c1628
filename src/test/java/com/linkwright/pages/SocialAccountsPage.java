package com.linkwright.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

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

  public void expectLinked(String username, String accountType) {
    assertThat(heading()).isVisible();
    assertThat(instagramCard()).containsText("Linked: @" + username);
    assertThat(instagramCard()).containsText(accountType + " account");
    assertThat(instagramCard().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlink"))).isVisible();
  }

  public void expectNotLinked() {
    assertThat(heading()).isVisible();
    assertThat(instagramCard()).containsText("Not linked");
    assertThat(instagramIcon()).isVisible();
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
}
