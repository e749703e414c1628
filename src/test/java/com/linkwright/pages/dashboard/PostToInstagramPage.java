package com.linkwright.pages.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;

/** The dashboard's "Post to Instagram" page: an image, a caption, and the outcome shown under the form. */
public final class PostToInstagramPage {
  private final Page page;

  public PostToInstagramPage(Page page) {
    this.page = page;
  }

  public PostToInstagramPage open() {
    page.navigate("/post");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Post to Instagram").setLevel(1))).isVisible();
    return this;
  }

  /** Chooses the image and the caption, clicks Post to Instagram; returns the dashboard's answer to the page. */
  public Response post(Path image, String caption) {
    page.getByLabel("Image").setInputFiles(image);
    page.getByLabel("Caption").fill(caption);
    return page.waitForResponse(r -> r.url().endsWith("/api/post"),
        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post to Instagram")).click());
  }

  /** The outcome: a confirmation (status) or why it was not posted (alert). */
  public Locator outcome() {
    return page.locator("#result").getByRole(AriaRole.ALERT).or(page.locator("#result").getByRole(AriaRole.STATUS));
  }

  /** The CSRF token the page's form carries, for calling the API as this page does. */
  public String formToken() {
    return page.locator("#post-form input[name=csrf]").inputValue();
  }
}
