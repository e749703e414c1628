package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** Instagram's permissions screen: one switch per permission, Allow and Cancel. */
public final class InstagramPermissionsPage {
  private final Page page;

  public InstagramPermissionsPage(Page page) {
    this.page = page;
  }

  public InstagramPermissionsPage expectShown(String username) {
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Allow .* to access your account\\?$"))))
        .isVisible();
    assertThat(page.getByText("Logged in as " + username)).isVisible();
    return this;
  }

  public Locator permissionSwitches() {
    return page.getByRole(AriaRole.SWITCH);
  }

  public void toggleOnAll() {
    Locator switches = permissionSwitches();
    assertThat(switches.first()).isVisible();
    int n = switches.count();
    for (int i = 0; i < n; i++) {
      Locator s = switches.nth(i);
      if (s.isEnabled()) {
        s.check();
      }
      assertThat(s).isChecked();
    }
  }

  public void toggleOff(String permissionLabel) {
    page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName(permissionLabel)).uncheck();
  }

  public void allow() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow")).click();
  }

  public void cancel() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
  }
}
