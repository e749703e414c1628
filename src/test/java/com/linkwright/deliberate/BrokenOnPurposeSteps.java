package com.linkwright.deliberate;

import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.concurrent.atomic.AtomicBoolean;

/** The steps of src/test/resources/deliberate/categories: each breaks one thing on purpose, the way a real defect would. */
public class BrokenOnPurposeSteps {
  /** These scenarios are meant to fail: they need not wait the run's whole timeout to do it. */
  private static final double SHORT_WAIT_MS = 1500;

  private final BrowserSession session;

  public BrokenOnPurposeSteps(BrowserSession session) {
    this.session = session;
  }

  /** The app's real Social Accounts page, with its Instagram icon taken out of the HTML on the way to the browser. */
  @Given("the dashboard has lost its Instagram icon")
  public void dashboardLostItsInstagramIcon() {
    Page page = session.page();
    AtomicBoolean removed = new AtomicBoolean();
    page.route("**/social-accounts", route -> {
      APIResponse original = route.fetch();
      String html = original.text();
      String without = html.replaceAll("(?s)<button[^>]*aria-label=\"Instagram\".*?</button>", "");
      removed.set(!without.equals(html));
      route.fulfill(new Route.FulfillOptions().setResponse(original).setBody(without));
    });
    new SocialAccountsPage(page).open();
    if (!removed.get()) {
      throw new IllegalStateException("Deliberate set-up failed: the Social Accounts page has no <button aria-label=\"Instagram\"> "
          + "to take out; update this step to the dashboard's markup");
    }
    page.setDefaultTimeout(SHORT_WAIT_MS);
  }

  @When("the harness itself breaks")
  public void harnessBreaks() {
    personaCopyFor(null);
  }

  /** Harness code with a bug in it: it does not expect what it is given. */
  private static String personaCopyFor(String handle) {
    return handle.trim() + " (copy)";
  }
}
