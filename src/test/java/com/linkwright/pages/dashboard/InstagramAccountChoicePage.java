package com.linkwright.pages.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.linkwright.pages.BrowserRegex;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** The dashboard's "Select the Instagram account to link": one option per Instagram account behind a Facebook Page. */
public final class InstagramAccountChoicePage {
  private final Page page;

  public InstagramAccountChoicePage(Page page) {
    this.page = page;
  }

  public InstagramAccountChoicePage expectShown() {
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Select the Instagram account to link"))).isVisible();
    return this;
  }

  public Locator options() {
    return page.getByRole(AriaRole.RADIO);
  }

  public Locator option(String username) {
    return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^@" + BrowserRegex.quote(username) + " ")));
  }

  public void select(String username) {
    option(username).check();
    assertThat(option(username)).isChecked();
  }

  /**
   * Selects the first account after changing what it sends to {@code instagramId}, as someone editing the page would,
   * and clicks Link this account.
   */
  public void selectTamperedWith(String instagramId) {
    Locator first = options().first();
    first.evaluate("(radio, id) => { radio.value = id; }", instagramId);
    first.check();
    assertThat(first).isChecked();
    link();
  }

  public void link() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link this account")).click();
  }

}
