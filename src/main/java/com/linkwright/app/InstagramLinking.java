package com.linkwright.app;

import com.linkwright.app.Workspace.LinkedInstagram;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guide's option 1, "Linking Instagram Directly", used when "Instagram Login" is on: the Instagram icon sends the
 * browser to Instagram's authorization page; Instagram comes back to {@code /auth/instagram/callback} with the code
 * and the state ({@link OAuthCallback}), and this side exchanges the code, trades for a long-lived token, reads the
 * account and links it if it is a Business or Creator account. Unlinking forgets it.
 */
final class InstagramLinking implements OAuthCallback.Provider {
  static final String CALLBACK_PATH = "/auth/instagram/callback";
  private static final Logger LOG = LoggerFactory.getLogger(InstagramLinking.class);

  private final InstagramLoginClient instagram;
  private final RelinkSupport relink;
  private final Faults faults;
  private final Clock clock;
  private final Supplier<URI> baseUrl;
  private final WorkspaceGuard guard;
  private final OAuthCallback callback;
  /** Only for {@link Fault#CONFIRMATION_SHOWS_WRONG_ACCOUNT}: the account this app linked last. */
  private volatile String lastLinkedUsername;

  InstagramLinking(InstagramLoginClient instagram, RelinkSupport relink, Faults faults, Clock clock, Supplier<URI> baseUrl,
                   WorkspaceGuard guard) {
    this.instagram = instagram;
    this.relink = relink;
    this.faults = faults;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.guard = guard;
    this.callback = new OAuthCallback(this, faults, clock, guard);
  }

  void addRoutes(RoutesConfig routes) {
    routes.post("/social-accounts/instagram/link", this::start);
    routes.get(CALLBACK_PATH, callback::handle);
    routes.post("/social-accounts/instagram/unlink", this::unlink);
  }

  static URI redirectUri(URI base) {
    return URI.create(base + CALLBACK_PATH);
  }

  /** Why Social Accounts shows a linked account as one to relink (its token no longer works), or null. */
  String connectionProblem(LinkedInstagram ig) {
    return relink.connectionProblem(instagram, ig);
  }

  private void start(Context ctx) {
    Workspace workspace = guard.requirePostFrom(ctx);
    if (workspace == null) {
      return;
    }
    String state = Secrets.random(32);
    workspace.instagramPending = new PendingLink(state, clock.instant());
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(instagram.authorizeUrl(redirectUri(baseUrl.get()), state).toString(), HttpStatus.SEE_OTHER);
  }

  private void unlink(Context ctx) {
    Workspace workspace = guard.requirePostFrom(ctx);
    if (workspace == null) {
      return;
    }
    LinkedInstagram was = workspace.instagram;
    workspace.instagram = null;
    if (was != null) {
      LOG.info("workspace {}: unlinked Instagram @{}", workspace.id, LogSafe.text(was.username()));
      workspace.notice = Notice.success("Instagram unlinked", "@" + was.username() + " is no longer linked.");
    }
    ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
  }

  // --- the callback's Instagram side

  @Override
  public String name() {
    return "Instagram";
  }

  @Override
  public PendingLink takePending(Workspace workspace) {
    PendingLink pending = workspace.instagramPending;
    if (!faults.active(Fault.STATE_NOT_SPENT)) {
      workspace.instagramPending = null;
    }
    return pending;
  }

  @Override
  public String errorDetailParameter() {
    return "error_reason";
  }

  @Override
  public void link(Workspace workspace, String code) throws ProviderException {
    var grant = instagram.exchangeCode(code, redirectUri(baseUrl.get()));
    String token = instagram.longLivedToken(grant.accessToken());
    var profile = instagram.me(token);
    if (!AccountTypes.isProfessional(profile.accountType()) && !faults.active(Fault.PERSONAL_TREATED_AS_BUSINESS)) {
      LOG.info("workspace {}: refused @{}, account type {}", workspace.id, LogSafe.text(profile.username()),
          LogSafe.text(profile.accountType()));
      workspace.notice = new Notice(Tone.ERROR, "Your Instagram account isn't a Business or Creator account",
          "@" + profile.username() + " is a " + AccountTypes.displayName(profile.accountType())
              + " account. Instagram requires that your account be an Instagram Business or Instagram Creator account. "
              + "To switch from a Personal to a Business or Creator account:",
          relink.notProfessionalSteps());
      return;
    }
    List<String> missing = new ArrayList<>(InstagramSettings.PUBLISHING_SCOPES);
    missing.removeAll(grant.permissions());
    String accountType = AccountTypes.isProfessional(profile.accountType()) ? profile.accountType() : "Business";
    String shown = faults.active(Fault.CONFIRMATION_SHOWS_WRONG_ACCOUNT) && lastLinkedUsername != null
        ? lastLinkedUsername : profile.username();
    lastLinkedUsername = profile.username();
    LinkedInstagram before = workspace.instagram;
    workspace.instagram = new LinkedInstagram(profile.userId(), shown, accountType, grant.permissions(), missing, token, null);
    LOG.info("workspace {}: linked Instagram @{} ({})", workspace.id, LogSafe.text(profile.username()),
        LogSafe.text(profile.accountType()));
    workspace.notice = missing.isEmpty()
        ? Notice.success("Instagram linked", "Your Instagram account @" + shown + " is now linked.")
        : new Notice(Tone.WARNING, "Instagram linked, but not all permissions were granted",
            "Missing: " + String.join(", ", missing) + ". Posting may fail. Unlink and link again, and toggle on all permissions.", List.of());
    if (before != null && before.userId().equals(profile.userId()) && missing.isEmpty()) {
      workspace.notice = RelinkSupport.relinked(shown);
    }
  }

  @Override
  public Notice failed(ProviderException e) {
    return relink.linkFailed(e);
  }

  @Override
  public String nextPath() {
    return "/social-accounts";
  }
}
