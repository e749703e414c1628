package com.linkwright.app;

import static com.linkwright.app.NoticeStep.link;
import static com.linkwright.app.NoticeStep.strong;
import static com.linkwright.app.NoticeStep.text;

import com.linkwright.app.Workspace.LinkedInstagram;
import com.linkwright.app.Workspace.Notice;
import com.linkwright.app.Workspace.Tone;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the guide and its troubleshooting pages tell a person when linking goes wrong around an account that exists:
 * a type Instagram reports stale, an authorization Instagram still holds ("400: Session Invalid"), a token that no
 * longer works (Graph error 190), and linking the same account again.
 */
final class RelinkSupport {
  private final Faults faults;
  private final URI appsAndWebsites;

  RelinkSupport(InstagramSettings settings, Faults faults) {
    this.faults = faults;
    URI authorize = settings.authorizeUrl();
    // Instagram's settings live on the same site as its authorization window
    this.appsAndWebsites = authorize.resolve("/accounts/manage_access/");
  }

  /** The steps under "isn't a Business or Creator account": switch to professional, and the reset tip. */
  List<NoticeStep> notProfessionalSteps() {
    List<NoticeStep> steps = new ArrayList<>(GuideText.SWITCH_TO_PROFESSIONAL);
    if (!faults.active(Fault.STALE_TYPE_NOT_EXPLAINED)) {
      steps.add(GuideText.RESET_TIP);
    }
    return steps;
  }

  /** The notice for a link that Instagram refused: the documented fixes where there are some. */
  Notice linkFailed(ProviderException e) {
    if (e.status() == 400 && "Session Invalid".equalsIgnoreCase(e.getMessage().trim())
        && !faults.active(Fault.SESSION_INVALID_FIXES_MISSING)) {
      return new Notice(Tone.ERROR, "400: Session Invalid",
          "Instagram refused the login because this Instagram account has already authorized Linkwright Dashboard. "
              + "To link it again:",
          List.of(NoticeStep.of(text("In your Instagram settings go to "), strong("Your app and media"), text(" → "),
                  strong("Website permissions"), text(" → "), strong("Apps and websites"), text(" and click "), strong("Remove"),
                  text(" next to Linkwright Dashboard ("), link("open Apps and websites on Instagram", appsAndWebsites.toString()),
                  text("). Then link Instagram again from this page.")),
              NoticeStep.of(text("If it is a business account and that does not help, turn off "), strong("Instagram Login"),
                  text(" in "), link("Settings", "/settings"),
                  text(" and link through the Facebook Page connected to your Instagram account."))));
    }
    return Notice.error("Instagram was not linked", "Instagram answered: " + e.getMessage());
  }

  /** Linking the account that is already linked renews it in place. */
  static Notice relinked(String username) {
    return Notice.success("Instagram relinked", "@" + username + " was already linked: its connection is renewed, and it is listed once.");
  }

  /**
   * Asks Instagram whether the stored token still works, when Social Accounts is drawn: a token revoked or expired
   * on Instagram's side (Graph error 190) makes the account one to relink. Other failures (Instagram unreachable) say
   * nothing about the token, so the account keeps showing as linked.
   */
  String connectionProblem(InstagramLoginClient instagram, LinkedInstagram ig) {
    if (faults.active(Fault.REVOKED_TOKEN_SHOWN_AS_LINKED)) {
      return null;
    }
    try {
      instagram.me(ig.token());
      return null;
    } catch (ProviderException e) {
      return e.errorCode() == 190
          ? "Instagram no longer accepts the dashboard's access to @" + ig.username()
              + " (it was revoked or has expired). Relink it to keep posting."
          : null;
    }
  }
}
