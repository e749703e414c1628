package com.linkwright.pages.meta;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** Facebook's "Continue as NAME" screen, with the guide's "Edit Settings" (and Cancel). */
public final class FacebookEditSettingsPage {
  private final Page page;

  public FacebookEditSettingsPage(Page page) {
    this.page = page;
  }

  public FacebookEditSettingsPage expectShown(String name) {
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
        .setName(Pattern.compile("is requesting access to your Facebook account$")))).isVisible();
    assertThat(continueAs(name)).isVisible();
    return this;
  }

  public Locator continueAs(String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue as " + name).setExact(true));
  }

  /** Facebook's greeting for someone who connected the app before. */
  public Locator returningGreeting() {
    return page.getByText(Pattern.compile("You previously logged in to .* with Facebook\\."));
  }

  /** Facebook's note when the app asks again (auth_type=rerequest) for permissions that were declined. */
  public Locator askingAgainNote() {
    return page.getByRole(AriaRole.NOTE).filter(new Locator.FilterOptions().setHasText("is asking again for permissions you declined"));
  }

  public void clickEditSettings() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Settings")).click();
  }

  public void cancel() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
  }
}
