package com.linkwright.app;

import com.linkwright.app.Workspace.LinkedInstagram;
import com.linkwright.app.Workspace.Notice;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back on the dashboard after the Facebook pop-up: the guide's "select a specific Instagram account to link" among the
 * accounts behind the Pages Facebook shared ({@link FacebookLinking} found them), and linking the one chosen.
 */
final class FacebookAccountChoice {
  static final String PATH = "/social-accounts/instagram/choose";
  private static final Logger LOG = LoggerFactory.getLogger(FacebookAccountChoice.class);
  private final Faults faults;
  private final WorkspaceGuard guard;

  FacebookAccountChoice(Faults faults, WorkspaceGuard guard) {
    this.faults = faults;
    this.guard = guard;
  }

  /** One Instagram account the user may link, and the Page it is connected to. */
  record Option(String instagramId, String username, String accountType, String pageName) {}

  /** What Facebook's answer offers: the accounts to choose from. The token stays here, server-side. */
  record Offer(List<Option> options, List<String> granted, String token) {
    @Override
    public String toString() {
      return "Offer[" + options + ", granted=" + granted + "]";
    }
  }

  void addRoutes(RoutesConfig routes) {
    routes.get(PATH, this::choosePage);
    routes.post(PATH, this::choose);
  }

  private void choosePage(Context ctx) {
    Workspace workspace = guard.requireWorkspace(ctx);
    if (workspace == null) {
      return;
    }
    Offer offer = workspace.facebookOffer;
    if (offer == null) {
      if (workspace.notice == null) {
        workspace.notice = Notice.error("Instagram was not linked", "There is no Facebook sign-in to finish. Click the Instagram icon to link.");
      }
      ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
      return;
    }
    List<OptionView> options = new ArrayList<>();
    for (int i = 0; i < offer.options().size(); i++) {
      Option o = offer.options().get(i);
      options.add(new OptionView(i, o.instagramId(), o.username(), AccountTypes.displayName(o.accountType()), o.pageName()));
    }
    String html = Views.page("choose-account", "Select the Instagram account to link", workspace,
        new ChoiceView(workspace.csrfToken, options));
    for (OptionView o : options) {
      if (faults.active(Fault.CHOICE_USERNAME_NOT_ESCAPED)) {
        html = Views.asMarkupAfter(html, "<label for=\"account-" + o.index() + "\">@", o.username());
      }
    }
    ctx.header("Cache-Control", "no-store");
    ctx.html(html);
  }

  /** choose-account.mustache: one radio button per account offered. */
  record ChoiceView(String csrf, List<OptionView> options) {}

  record OptionView(int index, String instagramId, String username, String accountType, String pageName) {}

  private void choose(Context ctx) {
    Workspace workspace = guard.requirePostFrom(ctx);
    if (workspace == null) {
      return;
    }
    Offer offer = workspace.facebookOffer;
    String chosenId = ctx.formParam("account");
    Optional<Option> chosen = offer == null ? Optional.empty()
        : faults.active(Fault.CHOSEN_ACCOUNT_IGNORED) ? Optional.of(offer.options().get(0))
        : offer.options().stream().filter(o -> o.instagramId().equals(chosenId)).findFirst()
            .or(() -> faults.active(Fault.UNOFFERED_ACCOUNT_LINKED) ? Optional.of(offer.options().get(0)) : Optional.empty());
    if (chosen.isEmpty()) {
      workspace.notice = Notice.error("Instagram was not linked", "That Instagram account was not among those Facebook offered. Please link again.");
      workspace.facebookOffer = null;
      ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
      return;
    }
    Option o = chosen.get();
    workspace.facebookOffer = null;
    boolean again = workspace.instagram != null && workspace.instagram.userId().equals(o.instagramId());
    workspace.instagram = new LinkedInstagram(o.instagramId(), o.username(), o.accountType(), offer.granted(), List.of(), offer.token(),
        o.pageName());
    LOG.info("workspace {}: linked Instagram @{} through Facebook Page '{}'", workspace.id, LogSafe.text(o.username()),
        LogSafe.text(o.pageName()));
    workspace.notice = again ? RelinkSupport.relinked(o.username())
        : Notice.success("Instagram linked", "Your Instagram account @" + o.username()
            + " is now linked through the Facebook Page " + o.pageName() + ".");
    ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
  }
}
