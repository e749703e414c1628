package com.linkwright.steps;

import com.linkwright.harness.BrowserSession;
import com.microsoft.playwright.Page;

/** The Facebook pop-up of this scenario, for the step classes that act in it. */
public class FacebookPopup {
  private final BrowserSession session;

  public FacebookPopup(BrowserSession session) {
    this.session = session;
  }

  /** The pop-up the user is looking at; fails if only the dashboard's tab is open. */
  public Page window() {
    Page popup = session.activePage();
    if (popup == session.page()) {
      throw new IllegalStateException("No Facebook pop-up is open: click the Instagram icon first (with Instagram Login off)");
    }
    return popup;
  }
}
