package com.linkwright.app;

import static com.linkwright.app.Html.esc;
import static com.linkwright.app.NoticeStep.link;
import static com.linkwright.app.NoticeStep.text;

import com.linkwright.app.FacebookLoginClient.InstagramAccount;
import com.linkwright.app.FacebookLoginClient.Page;
import com.linkwright.app.Workspace.LinkedInstagram;
import com.linkwright.app.Workspace.Notice;
import com.linkwright.app.Workspace.Tone;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guide's option 2, "Linking Instagram through Facebook (Facebook Page required)", used when "Instagram Login" is
 * off: the Instagram icon opens the Facebook dialog in a pop-up (static/facebook-link.js) while the dashboard stays
 * behind; the pop-up comes back to {@code /auth/facebook/callback} on the app's origin, which checks the state,
 * exchanges the code, finds the Instagram accounts behind the chosen Pages and keeps the outcome server-side, then
 * sends the pop-up on to {@code /auth/facebook/done} (so that the code does not stay in the pop-up's history), whose
 * page tells the dashboard (postMessage to this origin only) to move on: to "select the Instagram account to link",
 * or to the reason nothing can be linked.
 */
final class FacebookLinking {
  static final String CALLBACK_PATH = "/auth/facebook/callback";
  /** Where the callback sends the pop-up once it has done its work: a URL with no code or state to keep in history. */
  static final String DONE_PATH = "/auth/facebook/done";
  private static final Logger LOG = LoggerFactory.getLogger(FacebookLinking.class);

  /** The guide's "Connect a Facebook Page to Instagram" check, shown when no chosen Page has an Instagram account. */
  static final List<NoticeStep> CONNECT_PAGE_TO_INSTAGRAM = List.of(
      NoticeStep.of(text("Log into Facebook on your desktop "), link("www.facebook.com", "https://www.facebook.com"), text(".")),
      NoticeStep.of("Navigate to one of your Facebook pages you are an admin. This will be the one you want to link with an Instagram account."),
      NoticeStep.of("On the left-hand panel under \"Manage Page\" click \"Settings\". It usually is at the bottom."),
      NoticeStep.of("Under Page Settings click \"Instagram\"."),
      NoticeStep.of("The top title will say \"Connected Instagram Account\" if one is connected. Otherwise you will be able to connect one."),
      NoticeStep.of("Then link Instagram again from the Social Accounts page, and check that Page on Facebook."));

  private final FacebookLoginClient facebook;
  private final Faults faults;
  private final Clock clock;
  private final Supplier<URI> baseUrl;
  private final Function<Context, Workspace> requireUser;
  private final Function<Context, Workspace> requirePostFrom;

  FacebookLinking(FacebookSettings settings, Faults faults, Clock clock, Supplier<URI> baseUrl,
                  Function<Context, Workspace> requireUser, Function<Context, Workspace> requirePostFrom) {
    this.facebook = new FacebookLoginClient(settings);
    this.faults = faults;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.requireUser = requireUser;
    this.requirePostFrom = requirePostFrom;
  }

  /** A Facebook dialog under way: the state sent, and whether it re-asks for declined permissions. */
  record Pending(String state, Instant startedAt, boolean rerequest) {
    @Override
    public String toString() {
      return "FacebookPending[startedAt=" + startedAt + ", rerequest=" + rerequest + "]";
    }
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
    routes.post("/social-accounts/instagram/facebook/start", this::start);
    routes.get(CALLBACK_PATH, this::callback);
    routes.get(DONE_PATH, this::done);
    routes.get("/social-accounts/instagram/choose", this::choosePage);
    routes.post("/social-accounts/instagram/choose", this::choose);
  }

  static URI redirectUri(URI base) {
    return URI.create(base + CALLBACK_PATH);
  }

  // --- on the Social Accounts page

  /**
   * The Instagram card when Instagram Login is off and nothing is linked. {@code connect=instagram} (the deep link of a
   * "Reconnect Instagram" e-mail) opens the pop-up as the page loads: with no click to allow it, a browser that
   * blocks pop-ups blocks it, and the page says so and offers the click.
   */
  String linkCard(Workspace user, String connect) {
    String askAgain = !user.facebookAskAgain ? "" : """
        <form method="post" action="/social-accounts/instagram/facebook/start" target="linkwright-facebook-login" data-facebook-popup>
          <input type="hidden" name="csrf" value="%s">
          <input type="hidden" name="rerequest" value="true">
          <button type="submit">Ask again for the missing permissions</button>
        </form>""".formatted(esc(user.csrfToken));
    return popupForm(user, "instagram".equals(connect),
        "<button type=\"submit\" class=\"network-icon instagram\" aria-label=\"Instagram\" title=\"Link Instagram through Facebook\">"
            + icon() + "</button>", "link-form")
        + """
        <p class="state">Not linked. Click the Instagram icon to link your account through its Facebook Page.
          A Facebook sign-in will pop up: please be sure you allow pop-ups.</p>
        %s
        """.formatted(askAgain) + popupStatus();
  }

  /** Relink for a linked account when Instagram Login is off: the same Facebook pop-up, from a "Relink" button. */
  String relinkForm(Workspace user) {
    return popupForm(user, false, "<button type=\"submit\">Relink</button>", "relink-form") + popupStatus();
  }

  /** The form the pop-up is opened for (facebook-link.js), with the checks this page runs. */
  private String popupForm(Workspace user, boolean autostart, String button, String cssClass) {
    String checks = (faults.active(Fault.POPUP_BLOCK_NOT_NOTICED) ? "" : "popup ")
        + (faults.active(Fault.MESSAGE_ORIGIN_NOT_CHECKED) ? "" : faults.active(Fault.MESSAGE_ORIGIN_HOST_ONLY) ? "origin-host" : "origin");
    return """
        <form method="post" action="/social-accounts/instagram/facebook/start" target="linkwright-facebook-login" class="%s"
              id="facebook-link-form" data-facebook-popup data-checks="%s"%s>
          <input type="hidden" name="csrf" value="%s">
          %s
        </form>
        """.formatted(cssClass, checks.trim(), autostart ? " data-autostart" : "", esc(user.csrfToken), button);
  }

  /** Where facebook-link.js reports on the pop-up: waiting, closed early, or blocked (with the click that continues). */
  private String popupStatus() {
    return """
        <div role="status" id="facebook-popup-status" hidden></div>
        <div role="alert" id="facebook-popup-blocked" class="notice warning"%s>
          <strong>Pop-ups are blocked</strong>
          <p>Your browser blocked the Facebook sign-in window. Please allow pop-ups for this site, or continue here.</p>
          <button type="submit" form="facebook-link-form">Continue with Facebook</button>
        </div>
        <script src="/static/facebook-link.js" defer></script>""".formatted(faults.active(Fault.POPUP_BLOCKED_WARNING_SHOWN_UP_FRONT) ? "" : " hidden");
  }

  /** Under a linked account: where the link comes from. */
  String viaLine(Workspace user) {
    Workspace.LinkedInstagram ig = user.instagram;
    return ig == null || ig.viaInstagramLogin() ? ""
        : "<p class=\"via\">via Facebook Page <strong>"
            + (faults.active(Fault.PAGE_NAME_NOT_ESCAPED) ? ig.viaFacebookPage() : esc(ig.viaFacebookPage())) + "</strong></p>";
  }

  // --- in the pop-up

  private void start(Context ctx) {
    Workspace user = requirePostFrom.apply(ctx);
    if (user == null) {
      return;
    }
    boolean rerequest = "true".equals(ctx.formParam("rerequest"));
    String state = LinkingApp.random(32);
    user.facebookPending = new Pending(state, clock.instant(), rerequest);
    user.facebookOffer = null;
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.redirect(facebook.dialogUrl(redirectUri(baseUrl.get()), state, rerequest).toString(), HttpStatus.SEE_OTHER);
  }

  private void callback(Context ctx) {
    Workspace user = requireUser.apply(ctx);
    if (user == null) {
      return;
    }
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    Pending pending = user.facebookPending;
    user.facebookPending = null; // a state is good for one callback only
    String state = ctx.queryParam("state");
    boolean stateOk = pending != null && state != null && LinkingApp.stateMatches(faults, pending.state(), state)
        && !pending.startedAt().plus(LinkingApp.STATE_LIFETIME).isBefore(clock.instant());
    if (!stateOk && !faults.active(Fault.STATE_CHECK_SKIPPED)) {
      LOG.warn("workspace {}: Facebook callback refused, state missing, expired or not ours", user.id);
      user.notice = Notice.error("Instagram was not linked",
          "The answer from Facebook did not match a linking request from this browser, so it was ignored. Please link again.");
    } else if (ctx.queryParam("error") != null) {
      String error = ctx.queryParam("error");
      user.notice = "access_denied".equals(error)
          ? Notice.error("Instagram was not linked", "You cancelled on Facebook, so nothing was linked. Click the Instagram icon to try again.")
          : Notice.error("Instagram was not linked", "Facebook answered: " + Optional.ofNullable(ctx.queryParam("error_description")).orElse(error) + ".");
    } else {
      try {
        user.notice = null;
        findAccounts(user, ctx.queryParam("code"));
      } catch (ProviderException e) {
        LOG.warn("workspace {}: linking through Facebook failed: {}", user.id, LogSafe.text(e.getMessage()));
        user.notice = Notice.error("Instagram was not linked", "Facebook answered: " + e.getMessage());
      }
    }
    ctx.redirect(DONE_PATH, HttpStatus.SEE_OTHER);
  }

  /** The pop-up's last page, at a clean URL: hands over to the dashboard, which reads the outcome from the server. */
  private void done(Context ctx) {
    if (requireUser.apply(ctx) == null) {
      return;
    }
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.html(popupDone(baseUrl.get()));
  }

  /** Exchanges the code and works out what can be linked; leaves either an offer or the reason in the workspace. */
  private void findAccounts(Workspace user, String code) throws ProviderException {
    if (code == null || code.isBlank()) {
      throw new ProviderException(400, "Facebook sent no authorization code");
    }
    String token = facebook.exchangeCode(code, redirectUri(baseUrl.get()));
    Map<String, String> permissions = facebook.permissions(token);
    List<String> missing = FacebookSettings.PUBLISHING_SCOPES.keySet().stream()
        .filter(p -> !faults.active(Fault.ONLY_PUBLISHING_PERMISSION_CHECKED) || "instagram_content_publish".equals(p))
        .filter(p -> !"granted".equals(permissions.get(p))).toList();
    List<String> granted = permissions.entrySet().stream().filter(e -> "granted".equals(e.getValue())).map(Map.Entry::getKey).toList();
    if (!missing.isEmpty() && !faults.active(Fault.DECLINED_PERMISSIONS_IGNORED)) {
      LOG.info("workspace {}: Facebook permissions not granted: {}", user.id, missing);
      user.facebookAskAgain = true;
      user.notice = new Notice(Tone.WARNING, "Not all permissions were granted, so Instagram was not linked",
          "Facebook did not grant: " + String.join("; ", missing.stream()
              .map(p -> FacebookSettings.permissionName(p) + " (" + p + ")").toList())
              + ". Posting to Instagram would fail without them. Ask again and turn all permissions to Yes.", List.of());
      return;
    }
    user.facebookAskAgain = false;
    List<Page> pages = facebook.pages(token);
    if (pages.isEmpty()) {
      user.notice = Notice.error("No Facebook Page to link Instagram through",
          "Your Facebook account shared no Facebook Pages. Linking Instagram through Facebook needs a Facebook Page "
              + "connected to an Instagram Business or Creator account: personal Facebook accounts are not supported. "
              + "Create a Facebook Page, connect your Instagram account to it, then link again.");
      return;
    }
    List<Option> options = new ArrayList<>();
    List<String> notAdmin = new ArrayList<>();
    List<String> withoutInstagram = new ArrayList<>();
    for (Page page : pages) {
      Optional<String> igId = facebook.instagramAccountOf(token, page.id());
      if (igId.isEmpty()) {
        withoutInstagram.add(page.name());
      } else if (!page.canPublish()) {
        notAdmin.add(page.name());
      } else {
        InstagramAccount ig = facebook.instagramAccount(token, igId.get());
        options.add(new Option(ig.id(), ig.username(), ig.accountType(), page.name()));
      }
    }
    if (!options.isEmpty()) {
      user.facebookOffer = new Offer(List.copyOf(options), granted, token);
      LOG.info("workspace {}: Facebook offers {} Instagram account(s)", user.id, options.size());
    } else if (!notAdmin.isEmpty()) {
      user.notice = Notice.error("You are not an admin of the Facebook Page",
          "You are not an admin of the Facebook Page " + quoted(notAdmin) + ": your role on it does not allow publishing "
              + "to its Instagram account. Ask an admin of the Page to give you full control (or use a Page you are an admin of), then link again.");
    } else {
      user.notice = new Notice(Tone.ERROR, "No Instagram account is connected to your Facebook Page",
          "None of the Facebook Pages you chose (" + quoted(withoutInstagram) + ") has an Instagram Business or Creator "
              + "account connected. Connect a Facebook Page to Instagram: you can check if you have an Instagram Account "
              + "linked with your Facebook Page:", CONNECT_PAGE_TO_INSTAGRAM);
    }
  }

  /** In the pop-up: hands over to the dashboard that opened it (this origin only), then closes. */
  private static String popupDone(URI appBase) {
    String origin = appBase.getScheme() + "://" + appBase.getAuthority();
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Back to the dashboard · Linkwright Dashboard</title>
          <link rel="stylesheet" href="/static/dashboard.css"></head>
        <body><main>
          <h1>Facebook sign-in finished</h1>
          <p>Back to the dashboard… If this window stays open, close it and go to
            <a href="/social-accounts/instagram/choose">your Social Accounts</a>.</p>
        </main>
        <script src="/static/facebook-callback.js" data-app-origin="%s"></script>
        </body></html>""".formatted(esc(origin));
  }

  // --- back on the dashboard: "select a specific Instagram account to link"

  private void choosePage(Context ctx) {
    Workspace user = requireUser.apply(ctx);
    if (user == null) {
      return;
    }
    Offer offer = user.facebookOffer;
    if (offer == null) {
      if (user.notice == null) {
        user.notice = Notice.error("Instagram was not linked", "There is no Facebook sign-in to finish. Click the Instagram icon to link.");
      }
      ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
      return;
    }
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < offer.options().size(); i++) {
      Option o = offer.options().get(i);
      rows.append("""
          <div class="option"><input type="radio" id="account-%d" name="account" value="%s" required>
            <label for="account-%d">@%s · %s account · via Facebook Page %s</label></div>
          """.formatted(i, esc(o.instagramId()), i, faults.active(Fault.CHOICE_USERNAME_NOT_ESCAPED) ? o.username() : esc(o.username()),
              esc(AccountTypes.displayName(o.accountType())), esc(o.pageName())));
    }
    ctx.header("Cache-Control", "no-store");
    ctx.html(Html.page("Select the Instagram account to link", user, """
        <h1>Select the Instagram account to link</h1>
        <form method="post" action="/social-accounts/instagram/choose" class="card">
          <input type="hidden" name="csrf" value="%s">
          <fieldset>
            <legend>Instagram accounts connected to your Facebook Pages</legend>
            %s
          </fieldset>
          <button type="submit">Link this account</button>
        </form>""".formatted(esc(user.csrfToken), rows)));
  }

  private void choose(Context ctx) {
    Workspace user = requirePostFrom.apply(ctx);
    if (user == null) {
      return;
    }
    Offer offer = user.facebookOffer;
    String chosenId = ctx.formParam("account");
    Optional<Option> chosen = offer == null ? Optional.empty()
        : faults.active(Fault.CHOSEN_ACCOUNT_IGNORED) ? Optional.of(offer.options().get(0))
        : offer.options().stream().filter(o -> o.instagramId().equals(chosenId)).findFirst()
            .or(() -> faults.active(Fault.UNOFFERED_ACCOUNT_LINKED) ? Optional.of(offer.options().get(0)) : Optional.empty());
    if (chosen.isEmpty()) {
      user.notice = Notice.error("Instagram was not linked", "That Instagram account was not among those Facebook offered. Please link again.");
      user.facebookOffer = null;
      ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
      return;
    }
    Option o = chosen.get();
    user.facebookOffer = null;
    boolean again = user.instagram != null && user.instagram.userId().equals(o.instagramId());
    user.instagram = new LinkedInstagram(o.instagramId(), o.username(), o.accountType(), offer.granted(), List.of(), offer.token(),
        o.pageName());
    LOG.info("workspace {}: linked Instagram @{} through Facebook Page '{}'", user.id, LogSafe.text(o.username()),
        LogSafe.text(o.pageName()));
    user.notice = again ? RelinkSupport.relinked(o.username())
        : Notice.success("Instagram linked", "Your Instagram account @" + o.username()
            + " is now linked through the Facebook Page " + o.pageName() + ".");
    ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\u201c" + n + "\u201d").toList());
  }

  private static String icon() {
    return LinkingApp.INSTAGRAM_ICON;
  }
}
