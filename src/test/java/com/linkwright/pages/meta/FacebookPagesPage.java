package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** Facebook's "Facebook Pages" checklist, then Next. */
public final class FacebookPagesPage {
  private final Page page;

  public FacebookPagesPage(Page page) {
    this.page = page;
  }

  public FacebookPagesPage expectShown() {
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
        .setName(Pattern.compile("^What Pages do you want .* to access\\?$")))).isVisible();
    assertThat(pagesGroup()).isVisible();
    return this;
  }

  private Locator pagesGroup() {
    return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Facebook Pages"));
  }

  public void checkAll() {
    Locator boxes = pagesGroup().getByRole(AriaRole.CHECKBOX);
    for (int i = 0, n = boxes.count(); i < n; i++) {
      boxes.nth(i).check();
      assertThat(boxes.nth(i)).isChecked();
    }
  }

  public void clickNext() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
  }
}
