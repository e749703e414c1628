package com.linkwright.pages.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
