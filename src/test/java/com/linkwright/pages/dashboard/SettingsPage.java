package com.linkwright.pages.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The dashboard's Settings page, with the "Instagram Login" switch. */
public final class SettingsPage {
  private final Page page;

  public SettingsPage(Page page) {
    this.page = page;
  }

  public SettingsPage open() {
    page.navigate("/settings");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Settings"))).isVisible();
    return this;
  }

  public Locator instagramLoginSwitch() {
    return page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Instagram Login"));
  }

  public void switchInstagramLogin(boolean on) {
    instagramLoginSwitch().setChecked(on);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Instagram Login is " + (on ? "on" : "off"));
  }
}
