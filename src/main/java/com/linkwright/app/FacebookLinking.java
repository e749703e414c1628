package com.linkwright.app;

import com.linkwright.app.FacebookAccountChoice.Offer;
import com.linkwright.app.FacebookAccountChoice.Option;
import com.linkwright.app.FacebookLoginClient.InstagramAccount;
import com.linkwright.app.FacebookLoginClient.Page;
import com.linkwright.app.Workspace.Notice;
import com.linkwright.app.Workspace.PendingLink;
import com.linkwright.app.Workspace.Tone;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
final class FacebookLinking implements OAuthCallback.Provider {
  static final String CALLBACK_PATH = "/auth/facebook/callback";
  /** Where the callback sends the pop-up once it has done its work: a URL with no code or state to keep in history. */
  static final String DONE_PATH = "/auth/facebook/done";
  private static final Logger LOG = LoggerFactory.getLogger(FacebookLinking.class);

  private final FacebookLoginClient facebook;
  private final Faults faults;
  private final Clock clock;
  private final Supplier<URI> baseUrl;
  private final WorkspaceGuard guard;
  private final OAuthCallback callback;
  private final FacebookAccountChoice choice;

  FacebookLinking(FacebookLoginClient facebook, Faults faults, Clock clock, Supplier<URI> baseUrl, WorkspaceGuard guard) {
    this.facebook = facebook;
    this.faults = faults;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.guard = guard;
    this.callback = new OAuthCallback(this, faults, clock, guard);
    this.choice = new FacebookAccountChoice(faults, guard);
  }

  void addRoutes(RoutesConfig routes) {
    routes.post("/social-accounts/instagram/facebook/start", this::start);
    routes.get(CALLBACK_PATH, callback::handle);
    routes.get(DONE_PATH, this::done);
    choice.addRoutes(routes);
  }

  static URI redirectUri(URI base) {
    return URI.create(base + CALLBACK_PATH);
  }

  // --- on the Social Accounts page

  /**
   * The pop-up's form on the Social Accounts page (facebook-popup.mustache), opened by static/facebook-link.js:
   * {@code checks} are what that script checks (the pop-up opened, the origin of its message), {@code iconButton}
   * the Instagram icon of a first link (a "Relink" button otherwise), {@code autostart} opening it as the page loads.
   */
  record PopupView(String cssClass, String checks, boolean autostart, boolean iconButton, boolean askAgain,
                   boolean blockedShownUpFront) {}

  /**
   * The Instagram card when Instagram Login is off and nothing is linked. {@code connect=instagram} (the deep link of a
   * "Reconnect Instagram" e-mail) opens the pop-up as the page loads: with no click to allow it, a browser that
   * blocks pop-ups blocks it, and the page says so and offers the click.
   */
  PopupView linkPopup(Workspace workspace, String connect) {
    return popup("link-form", "instagram".equals(connect), true, workspace.facebookAskAgain);
  }

  /** Relink for a linked account when Instagram Login is off: the same Facebook pop-up, from a "Relink" button. */
  PopupView relinkPopup() {
    return popup("relink-form", false, false, false);
  }

  private PopupView popup(String cssClass, boolean autostart, boolean iconButton, boolean askAgain) {
    String checks = (faults.active(Fault.POPUP_BLOCK_NOT_NOTICED) ? "" : "popup ")
        + (faults.active(Fault.MESSAGE_ORIGIN_NOT_CHECKED) ? "" : faults.active(Fault.MESSAGE_ORIGIN_HOST_ONLY) ? "origin-host" : "origin");
    return new PopupView(cssClass, checks.trim(), autostart, iconButton, askAgain,
        faults.active(Fault.POPUP_BLOCKED_WARNING_SHOWN_UP_FRONT));
  }

  // --- in the pop-up

  private void start(Context ctx) {
    Workspace workspace = guard.requirePostFrom(ctx);
    if (workspace == null) {
      return;
    }
    boolean rerequest = "true".equals(ctx.formParam("rerequest"));
    String state = Secrets.random(32);
    workspace.facebookPending = new PendingLink(state, clock.instant());
    workspace.facebookOffer = null;
    ctx.header("Cache-Control", "no-store");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.redirect(facebook.dialogUrl(redirectUri(baseUrl.get()), state, rerequest).toString(), HttpStatus.SEE_OTHER);
  }

  /** The pop-up's last page, at a clean URL: hands over to the dashboard, which reads the outcome from the server. */
  private void done(Context ctx) {
    if (guard.requireWorkspace(ctx) == null) {
      return;
    }
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    URI appBase = baseUrl.get();
    // the pop-up hands over to the dashboard that opened it (this origin only), then closes
    ctx.html(Views.render("facebook-done", new DoneView(appBase.getScheme() + "://" + appBase.getAuthority())));
  }

  // --- the callback's Facebook side

  @Override
  public String name() {
    return "Facebook";
  }

  @Override
  public PendingLink takePending(Workspace workspace) {
    PendingLink pending = workspace.facebookPending;
    workspace.facebookPending = null;
    return pending;
  }

  @Override
  public String errorDetailParameter() {
    return "error_description";
  }

  @Override
  public Notice failed(ProviderException e) {
    return Notice.error("Instagram was not linked", "Facebook answered: " + e.getMessage());
  }

  @Override
  public String nextPath() {
    return DONE_PATH;
  }

  /** Exchanges the code and works out what can be linked; leaves either an offer or the reason in the workspace. */
  @Override
  public void link(Workspace workspace, String code) throws ProviderException {
    String token = facebook.exchangeCode(code, redirectUri(baseUrl.get()));
    Map<String, String> permissions = facebook.permissions(token);
    List<String> missing = FacebookSettings.PUBLISHING_SCOPES.keySet().stream()
        .filter(p -> !faults.active(Fault.ONLY_PUBLISHING_PERMISSION_CHECKED) || "instagram_content_publish".equals(p))
        .filter(p -> !"granted".equals(permissions.get(p))).toList();
    List<String> granted = permissions.entrySet().stream().filter(e -> "granted".equals(e.getValue())).map(Map.Entry::getKey).toList();
    if (!missing.isEmpty() && !faults.active(Fault.DECLINED_PERMISSIONS_IGNORED)) {
      LOG.info("workspace {}: Facebook permissions not granted: {}", workspace.id, missing);
      workspace.facebookAskAgain = true;
      workspace.notice = new Notice(Tone.WARNING, "Not all permissions were granted, so Instagram was not linked",
          "Facebook did not grant: " + String.join("; ", missing.stream()
              .map(p -> FacebookSettings.permissionName(p) + " (" + p + ")").toList())
              + ". Posting to Instagram would fail without them. Ask again and turn all permissions to Yes.", List.of());
      return;
    }
    workspace.facebookAskAgain = false;
    List<Page> pages = facebook.pages(token);
    if (pages.isEmpty()) {
      workspace.notice = Notice.error("No Facebook Page to link Instagram through",
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
      workspace.facebookOffer = new Offer(List.copyOf(options), granted, token);
      LOG.info("workspace {}: Facebook offers {} Instagram account(s)", workspace.id, options.size());
    } else if (!notAdmin.isEmpty()) {
      workspace.notice = Notice.error("You are not an admin of the Facebook Page",
          "You are not an admin of the Facebook Page " + quoted(notAdmin) + ": your role on it does not allow publishing "
              + "to its Instagram account. Ask an admin of the Page to give you full control (or use a Page you are an admin of), then link again.");
    } else {
      workspace.notice = new Notice(Tone.ERROR, "No Instagram account is connected to your Facebook Page",
          "None of the Facebook Pages you chose (" + quoted(withoutInstagram) + ") has an Instagram Business or Creator "
              + "account connected. Connect a Facebook Page to Instagram: you can check if you have an Instagram Account "
              + "linked with your Facebook Page:", GuideText.CONNECT_PAGE_TO_INSTAGRAM);
    }
  }

  /** facebook-done.mustache: the origin the pop-up's message goes to. */
  record DoneView(String appOrigin) {}

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "\u201c" + n + "\u201d").toList());
  }
}
