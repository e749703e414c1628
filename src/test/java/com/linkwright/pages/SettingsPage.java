package com.linkwright.pages;

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

  /**
   * Saves the switch with the same POST the Settings form sends (its CSRF token read from the page's HTML),
   * without drawing the page: for scenarios where the setting is a precondition, not the subject.
   */
  public void saveInstagramLoginQuickly(boolean on) {
    var api = page.context().request();
    var form = api.get("/settings").text();
    var token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form);
    if (!token.find()) {
      throw new IllegalStateException("The Settings page has no form token; is the dashboard user signed in? Page: " + form);
    }
    var data = com.microsoft.playwright.options.FormData.create().set("csrf", token.group(1));
    if (on) {
      data.set("instagramLogin", "on");
    }
    var saved = api.post("/settings", com.microsoft.playwright.options.RequestOptions.create().setForm(data).setMaxRedirects(0));
    if (saved.status() != 303) {
      throw new IllegalStateException("Saving Settings answered " + saved.status() + ": " + saved.text());
    }
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
