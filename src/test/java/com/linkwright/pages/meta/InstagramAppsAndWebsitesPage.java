package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Instagram's settings: Your app and media › Website permissions › Apps and websites (the stubbed Instagram). */
public final class InstagramAppsAndWebsitesPage {
  private final Page page;

  public InstagramAppsAndWebsitesPage(Page page) {
    this.page = page;
  }

  public InstagramAppsAndWebsitesPage expectShown(String username) {
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Apps and websites"))).isVisible();
    assertThat(page.getByText("Logged in as " + username)).isVisible();
    return this;
  }

  public Locator activeApps() {
    return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Active apps and websites"));
  }

  public void remove(String app) {
    assertThat(activeApps()).containsText(app);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + app)).click();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("You removed " + app + ".");
    assertThat(activeApps()).not().containsText(app);
  }
}
