package com.linkwright.app;

import com.linkwright.app.Workspace.LinkedInstagram;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The Social Accounts page (social-accounts.mustache): the Instagram card, which offers the way of linking the
 * Settings chose (directly, or through Facebook's pop-up), or shows the linked account with what it lacks, its relink
 * (the same way) and its unlink.
 */
final class SocialAccountsPage {
  private final WorkspaceGuard guard;
  private final Faults faults;
  private final InstagramLinking instagramLinking;
  private final FacebookLinking facebookLinking;

  SocialAccountsPage(WorkspaceGuard guard, Faults faults, InstagramLinking instagramLinking, FacebookLinking facebookLinking) {
    this.guard = guard;
    this.faults = faults;
    this.instagramLinking = instagramLinking;
    this.facebookLinking = facebookLinking;
  }

  /** The page's model: exactly one of {@code linkDirectly}, {@code linkThroughFacebook} and {@code linked} is set. */
  record SocialAccountsView(Views.NoticeView notice, String csrf, boolean linkDirectly,
                            FacebookLinking.PopupView linkThroughFacebook, LinkedView linked) {}

  /**
   * A linked account: {@code state} "Linked" or "Needs to be relinked"; the Page it was linked through, if it was;
   * the permissions it lacks, if the warning is due (booleans, not empty strings: Mustache takes "" for false);
   * {@code problem} null when there is none; one of the two relinks is set.
   */
  record LinkedView(String state, String username, String accountType, boolean viaFacebook, String viaPage,
                    boolean warnMissing, String missing, String problem, boolean relinkDirectly,
                    FacebookLinking.PopupView relinkThroughFacebook) {}

  void addRoutes(RoutesConfig routes) {
    routes.get("/social-accounts", this::page);
  }

  private void page(Context ctx) {
    Workspace workspace = guard.requireWorkspace(ctx);
    if (workspace == null) {
      return;
    }
    Views.NoticeView notice = Views.NoticeView.of(workspace.takeNotice());
    LinkedInstagram ig = workspace.instagram;
    SocialAccountsView view;
    if (ig == null) {
      view = new SocialAccountsView(notice, workspace.csrfToken, workspace.instagramLogin,
          workspace.instagramLogin ? null : facebookLinking.linkPopup(workspace, ctx.queryParam("connect")), null);
    } else {
      view = new SocialAccountsView(notice, workspace.csrfToken, false, null, linked(workspace, ig));
    }
    String html = Views.page("social-accounts", "Social Accounts", workspace, view);
    if (ig != null && !ig.viaInstagramLogin() && faults.active(Fault.PAGE_NAME_NOT_ESCAPED)) {
      html = Views.asMarkupAfter(html, "via Facebook Page <strong>", ig.viaFacebookPage());
    }
    ctx.html(html);
  }

  private LinkedView linked(Workspace workspace, LinkedInstagram ig) {
    boolean warnMissing = !ig.missing().isEmpty() || faults.active(Fault.MISSING_PERMISSIONS_WARNED_WHEN_ALL_GRANTED);
    // only an Instagram Login token can be checked against Instagram's Graph; a Page token belongs to Facebook's
    String problem = ig.viaInstagramLogin() ? instagramLinking.connectionProblem(ig) : null;
    // relinking takes the way the Settings say: Instagram's login here, or the Facebook pop-up
    return new LinkedView(problem == null ? "Linked" : "Needs to be relinked", ig.username(),
        AccountTypes.displayName(ig.accountType()), !ig.viaInstagramLogin(), ig.viaFacebookPage(), warnMissing,
        String.join(", ", ig.missing()), problem, workspace.instagramLogin,
        workspace.instagramLogin ? null : facebookLinking.relinkPopup());
  }
}
