package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** Facebook's checklist of "Instagram Business Accounts" and "Instagram Creator Accounts", then Next. */
public final class FacebookInstagramAccountsPage {
  private final Page page;

  public FacebookInstagramAccountsPage(Page page) {
    this.page = page;
  }

  public FacebookInstagramAccountsPage expectShown() {
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
        .setName(Pattern.compile("^What Instagram accounts do you want .* to access\\?$")))).isVisible();
    return this;
  }

  public Locator accounts() {
    return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("^Instagram (Business|Creator) Accounts$")))
        .getByRole(AriaRole.CHECKBOX);
  }

  public void checkAll() {
    Locator boxes = accounts();
    for (int i = 0, n = boxes.count(); i < n; i++) {
      boxes.nth(i).check();
      assertThat(boxes.nth(i)).isChecked();
    }
  }

  public void clickNext() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
  }
}
