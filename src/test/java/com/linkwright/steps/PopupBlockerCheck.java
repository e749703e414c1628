package com.linkwright.steps;

import com.linkwright.harness.BrowserSession;
import com.linkwright.harness.PopupBlocker;
import io.cucumber.java.Before;

/**
 * A scenario tagged {@code @popup-blocker} proves what Chromium's own pop-up blocker does: with the blocker off (a
 * remote browser that lost the launch option keeping it on) it would fail for the wrong reason, or pass for one, so
 * it fails at once saying why.
 */
public class PopupBlockerCheck {
  private final BrowserSession session;

  public PopupBlockerCheck(BrowserSession session) {
    this.session = session;
  }

  @Before(value = "@popup-blocker", order = 1)
  public void chromiumsOwnBlockerIsOn() {
    if (!PopupBlocker.isOn(session.page().context().browser())) {
      throw new IllegalStateException(PopupBlocker.untrusted(session.harness().config));
    }
  }
}
