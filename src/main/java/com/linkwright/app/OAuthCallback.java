package com.linkwright.app;

import com.linkwright.app.Workspace.Notice;
import com.linkwright.app.Workspace.PendingLink;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shape of a provider's OAuth callback, for both ways of linking: check the state (the one this browser's
 * workspace sent, all of it, spent by this callback, not older than {@link #STATE_LIFETIME}), map the provider's
 * error answers, exchange the code, record the account. What differs per provider is a {@link Provider}:
 * {@link InstagramLinking} and {@link FacebookLinking}.
 */
final class OAuthCallback {
  /** How long a linking request waits for the provider's answer. */
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(OAuthCallback.class);

  /** A provider's side of the callback. */
  interface Provider {
    /** The provider's name in messages: "Instagram" or "Facebook". */
    String name();

    /** The workspace's authorization under way, spent (a state is good for one callback only); null if none. */
    PendingLink takePending(Workspace workspace);

    /** The query parameter in which the provider words an error other than a cancel. */
    String errorDetailParameter();

    /** Exchanges the one-time code and records what it links (or the reason nothing is) in the workspace. */
    void link(Workspace workspace, String code) throws ProviderException;

    /** The notice for a provider call that failed. */
    Notice failed(ProviderException e);

    /** Where the browser goes once the callback has done its work. */
    String nextPath();
  }

  private final Provider provider;
  private final Faults faults;
  private final Clock clock;
  private final WorkspaceGuard guard;

  OAuthCallback(Provider provider, Faults faults, Clock clock, WorkspaceGuard guard) {
    this.provider = provider;
    this.faults = faults;
    this.clock = clock;
    this.guard = guard;
  }

  void handle(Context ctx) {
    Workspace workspace = guard.requireWorkspace(ctx);
    if (workspace == null) {
      return;
    }
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    PendingLink pending = provider.takePending(workspace);
    String state = ctx.queryParam("state");
    boolean stateOk = pending != null && state != null && stateMatches(faults, pending.state(), state)
        && !pending.startedAt().plus(STATE_LIFETIME).isBefore(clock.instant());
    String error = ctx.queryParam("error");
    if (!stateOk && !faults.active(Fault.STATE_CHECK_SKIPPED)) {
      LOG.warn("workspace {}: {} callback refused, state missing, expired or not ours", workspace.id, provider.name());
      workspace.notice = Notice.error("Instagram was not linked", "The answer from " + provider.name()
          + " did not match a linking request from this browser, so it was ignored. Please link again.");
    } else if (error != null) {
      String detail = ctx.queryParam(provider.errorDetailParameter());
      workspace.notice = "access_denied".equals(error)
          ? Notice.error("Instagram was not linked", "You cancelled on " + provider.name()
              + ", so nothing was linked. Click the Instagram icon to try again.")
          : Notice.error("Instagram was not linked", provider.name() + " answered: " + (detail == null ? error : detail) + ".");
    } else {
      String code = ctx.queryParam("code");
      try {
        workspace.notice = null;
        if (code == null || code.isBlank()) {
          throw new ProviderException(400, provider.name() + " sent no authorization code");
        }
        provider.link(workspace, code);
      } catch (ProviderException e) {
        LOG.warn("workspace {}: linking with {} failed: {}", workspace.id, provider.name(), LogSafe.text(e.getMessage()));
        workspace.notice = provider.failed(e);
      }
    }
    ctx.redirect(provider.nextPath(), HttpStatus.SEE_OTHER);
  }

  /** The state a callback brought back is the one sent, all of it (compared in constant time). */
  static boolean stateMatches(Faults faults, String sent, String received) {
    if (faults.active(Fault.STATE_COMPARED_BY_PREFIX)) {
      int n = Math.min(16, Math.min(sent.length(), received.length()));
      return Secrets.constantTimeEquals(sent.substring(0, n), received.substring(0, n));
    }
    return Secrets.constantTimeEquals(sent, received);
  }
}
