package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** Facebook's permissions screen: each permission Yes or No, then Done. */
public final class FacebookPermissionsPage {
  private final Page page;

  public FacebookPermissionsPage(Page page) {
    this.page = page;
  }

  public FacebookPermissionsPage expectShown() {
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
        .setName(Pattern.compile("^What is .* allowed to do\\?$")))).isVisible();
    assertThat(permissions().first()).isVisible();
    return this;
  }

  public Locator permissions() {
    return page.getByRole(AriaRole.GROUP);
  }

  public void turnAllToYes() {
    Locator groups = permissions();
    for (int i = 0, n = groups.count(); i < n; i++) {
      answer(groups.nth(i), "Yes");
    }
  }

  public void turn(String permission, boolean yes) {
    Locator group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(permission).setExact(true));
    assertThat(group).isVisible();
    answer(group, yes ? "Yes" : "No");
  }

  private static void answer(Locator group, String answer) {
    Locator radio = group.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(answer).setExact(true));
    radio.check();
    assertThat(radio).isChecked();
  }

  public void clickDone() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
  }
}
