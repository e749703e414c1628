package com.linkwright.app;

import static com.linkwright.app.Html.esc;
import static com.linkwright.app.NoticeStep.strong;
import static com.linkwright.app.NoticeStep.text;

import com.linkwright.app.Workspace.LinkedInstagram;
import com.linkwright.app.Workspace.Notice;
import com.linkwright.app.Workspace.PendingLink;
import com.linkwright.app.Workspace.Tone;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference linking app: a small "Social Accounts" dashboard modelled on the linking guide.
 * Signs up a user, shows their social accounts and settings, and links Instagram the documented ways.
 */
public final class LinkingApp implements AutoCloseable {
  static final String SESSION_COOKIE = "lw_session";
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(LinkingApp.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The guide's way from a Personal account to a professional one (Instagram mobile app). */
  static final List<NoticeStep> SWITCH_TO_PROFESSIONAL = List.of(
      NoticeStep.of(text("Open the Instagram mobile app, go to your profile and tap the menu icon ≡ in the upper right corner to go to the "),
          strong("Settings and activity"), text(" page.")),
      NoticeStep.of(text("Scroll down to the "), strong("For professionals"), text(" section.")),
      NoticeStep.of(text("Click "), strong("Account type and tools"), text(".")),
      NoticeStep.of(text("Tap "), strong("Switch to professional account"), text(".")),
      NoticeStep.of(text("Go through the steps to set up your account and select "), strong("Creator"), text(" or "),
          strong("Business"), text(".")),
      NoticeStep.of("Then link Instagram again from the Social Accounts page."));

  private final Clock clock;
  private final Sessions sessions;
  private final SignInGuard signInGuard;
  private final Faults faults;
  private volatile String lastLinkedUsername;
  private final InstagramLoginClient instagram;
  private final RelinkSupport relink;
  private final FacebookLinking facebookLinking;
  private final Javalin server;
  private final String contentSecurityPolicy;
  private volatile URI baseUrl;

  /**
   * Request tagging: the header in which a request may name what sent it (the test harness: its scenario, as
   * "features/direct.feature:11"). Only an app started with {@link #startRecordingReach} reads it, and only to note
   * which tags reached each fault's site ({@link #reachedFaultSites}); it never changes an answer.
   */
  public static final String REQUEST_TAG_HEADER = "X-Linkwright-Scenario";
  /** In {@link #reachedFaultSites}: the site was asked with no tag (an untagged request, or outside any request). */
  public static final String UNTAGGED = "";

  private LinkingApp(InstagramSettings settings, FacebookSettings facebookSettings, Faults faults, Clock clock) {
    this.clock = clock;
    this.sessions = new Sessions(clock);
    this.signInGuard = new SignInGuard(() -> baseUrl.toString());
    this.faults = faults;
    this.contentSecurityPolicy = contentSecurityPolicy(settings.authorizeUrl(), facebookSettings.dialogUrl());
    this.instagram = new InstagramLoginClient(settings);
    this.relink = new RelinkSupport(settings, this.faults);
    InstagramPosting posting = new InstagramPosting(this::user, this.faults, settings.graphUrl(), facebookSettings.graphUrl(),
        this::baseUrl);
    this.facebookLinking = new FacebookLinking(facebookSettings, this.faults, clock, this::baseUrl, this::requireUser,
        this::requirePostFrom);
    this.server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/public";
        files.location = Location.CLASSPATH;
      });
      config.routes.before(this::securityHeaders);
      RequestBodies.configure(config);
      if (this.faults.recordsReach()) {
        config.routes.before(RequestTags::begin);
        config.routes.after(RequestTags::end);
      }
      config.routes.get("/", ctx -> ctx.redirect(user(ctx) == null ? "/signin" : "/social-accounts", HttpStatus.SEE_OTHER));
      config.routes.get("/signin", this::signInPage);
      config.routes.post("/signin", this::signIn);
      config.routes.post("/signout", this::signOut);
      config.routes.get("/social-accounts", this::socialAccounts);
      config.routes.post("/social-accounts/instagram/link", this::startInstagramLink);
      config.routes.post("/social-accounts/instagram/unlink", this::unlinkInstagram);
      config.routes.get("/auth/instagram/callback", this::instagramCallback);
      config.routes.get("/settings", this::settingsPage);
      config.routes.post("/settings", this::saveSettings);
      posting.configure(config);
      facebookLinking.addRoutes(config.routes);
    });
  }

  /**
   * Starts the app on 127.0.0.1 (0 = a free port), where {@code instagram} and {@code facebook} say; the browser reaches
   * it as http://localhost:port. A fault (a deliberate regression) is only for proving that the suite catches it.
   */
  public static LinkingApp start(int port, InstagramSettings settings, FacebookSettings facebook, Set<Fault> faults) {
    return start(port, settings, facebook, faults, Clock.systemUTC());
  }

  /** On a clock of the caller's: tests move it to see sessions and OAuth states expire. */
  static LinkingApp start(int port, InstagramSettings settings, FacebookSettings facebook, Set<Fault> faults, Clock clock) {
    if (!faults.isEmpty()) {
      LOG.warn("reference app started WITH FAULTS {}: for the regression proof only", faults);
    }
    return listen(new LinkingApp(settings, facebook, Faults.of(faults), clock), port);
  }

  /**
   * Starts the app with no fault, noting at every fault's site the tag of each request that asks there (see
   * {@link #REQUEST_TAG_HEADER}): the regression proof's clean run, which learns what each scenario reaches.
   */
  public static LinkingApp startRecordingReach(int port, InstagramSettings settings, FacebookSettings facebook) {
    return listen(new LinkingApp(settings, facebook, Faults.recordingReach(), Clock.systemUTC()), port);
  }

  private static LinkingApp listen(LinkingApp app, int port) {
    try {
      app.server.start("127.0.0.1", port);
    } catch (RuntimeException e) {
      throw new IllegalStateException("The reference app could not listen on 127.0.0.1:" + port + " (" + e.getMessage()
          + "). Free the port or choose another.", e);
    }
    app.baseUrl = URI.create("http://localhost:" + app.server.port());
    return app;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * For an app started with {@link #startRecordingReach}: for each fault whose site was asked at so far, the tags of
   * the requests that asked ({@link #UNTAGGED} among them if one had none). A fault missing here was reached by nothing.
   */
  public Map<Fault, Set<String>> reachedFaultSites() {
    return faults.reached();
  }

  public URI instagramRedirectUri() {
    return instagramRedirectUri(baseUrl);
  }

  public static URI instagramRedirectUri(URI base) {
    return URI.create(base + "/auth/instagram/callback");
  }

  public URI facebookRedirectUri() {
    return FacebookLinking.redirectUri(baseUrl);
  }

  public static URI facebookRedirectUri(URI base) {
    return FacebookLinking.redirectUri(base);
  }

  @Override
  public void close() {
    server.stop();
  }

  // --- sign-in: a workspace per visitor, so every scenario starts from an empty dashboard

  private void signInPage(Context ctx) {
    String why = ctx.queryParam("expired") != null
        ? "<p role=\"status\">Your session ended after " + Sessions.IDLE_LIMIT.toMinutes() + " minutes without activity. Sign in again.</p>"
        : ctx.queryParam("signed-out") != null ? "<p role=\"status\">You are signed out.</p>" : "";
    ctx.header("Cache-Control", "no-store");
    ctx.html(Html.page("Sign in", null, """
        <h1>Sign in</h1>
        %s
        <form method="post" action="/signin" class="card">
          <input type="hidden" name="csrf" value="%s">
          <label for="name">Your name</label>
          <input id="name" name="name" required autocomplete="name">
          <button type="submit">Open my dashboard</button>
        </form>""".formatted(why, esc(signInGuard.formToken(ctx)))));
  }

  private void signIn(Context ctx) {
    String refusal = signInGuard.refusal(ctx);
    if (refusal != null) {
      LOG.warn("sign-in refused: {}", LogSafe.text(refusal));
      ctx.status(HttpStatus.FORBIDDEN).html(Html.page("Sign in", null, """
          <p role="alert">This sign-in did not come from the dashboard's own sign-in page, so it was refused.
            <a href="/signin">Open the sign-in page</a> and sign in there.</p>"""));
      return;
    }
    String name = ctx.formParam("name");
    if (name == null || name.isBlank()) {
      ctx.status(HttpStatus.BAD_REQUEST).html(Html.page("Sign in", null, "<p role=\"alert\">Please enter your name.</p>"));
      return;
    }
    // a new sign-in in this browser ends the session it had
    sessions.close(ctx.cookie(SESSION_COOKIE));
    Workspace user = new Workspace(random(12), name.trim(), random(24));
    ctx.header("Set-Cookie", SESSION_COOKIE + "=" + sessions.open(user) + "; Path=/; HttpOnly; SameSite=Lax");
    LOG.info("workspace {} opened for '{}'", user.id, LogSafe.text(user.name));
    ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    Workspace user = requirePostFrom(ctx);
    if (user == null) {
      return;
    }
    sessions.close(ctx.cookie(SESSION_COOKIE));
    ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    LOG.info("workspace {} signed out", user.id);
    ctx.redirect("/signin?signed-out", HttpStatus.SEE_OTHER);
  }

  // --- Social Accounts

  private void socialAccounts(Context ctx) {
    Workspace user = requireUser(ctx);
    if (user == null) {
      return;
    }
    Notice notice = user.notice;
    user.notice = null;
    LinkedInstagram ig = user.instagram;
    String card;
    if (ig == null && !user.instagramLogin) {
      card = facebookLinking.linkCard(user, ctx.queryParam("connect"));
    } else if (ig == null) {
      card = """
          <form method="post" action="/social-accounts/instagram/link" class="link-form">
            <input type="hidden" name="csrf" value="%s">
            <button type="submit" class="network-icon instagram" aria-label="Instagram" title="Link Instagram">%s</button>
          </form>
          <p class="state">Not linked. Click the Instagram icon to link your account.</p>""".formatted(esc(user.csrfToken), INSTAGRAM_ICON);
    } else {
      StringBuilder missing = new StringBuilder();
      if (!ig.missing().isEmpty() || faults.active(Fault.MISSING_PERMISSIONS_WARNED_WHEN_ALL_GRANTED)) {
        missing.append("<p class=\"warn\">Missing permissions: ").append(esc(String.join(", ", ig.missing())))
            .append(". Posting may fail until you relink and allow them.</p>");
      }
      // only an Instagram Login token can be checked against Instagram's Graph; a Page token belongs to Facebook's
      String problem = ig.viaInstagramLogin() ? relink.connectionProblem(instagram, ig) : null;
      if (problem != null) {
        missing.append("<p class=\"warn\">").append(esc(problem)).append("</p>");
      }
      card = """
          <span class="network-icon instagram linked" aria-hidden="true">%s</span>
          <p class="state">%s: <strong class="handle">@%s</strong> <span class="badge">%s account</span></p>%s%s
          %s
          <form method="post" action="/social-accounts/instagram/unlink">
            <input type="hidden" name="csrf" value="%s">
            <button type="submit">Unlink</button>
          </form>
          <p><a href="/post">Post to Instagram</a></p>""".formatted(INSTAGRAM_ICON, problem == null ? "Linked" : "Needs to be relinked",
          esc(ig.username()), esc(AccountTypes.displayName(ig.accountType())), facebookLinking.viaLine(user), missing,
          // relinking takes the way the Settings say: Instagram's login here, or the Facebook pop-up
          user.instagramLogin ? """
              <form method="post" action="/social-accounts/instagram/link">
                <input type="hidden" name="csrf" value="%s">
                <button type="submit">Relink</button>
              </form>""".formatted(esc(user.csrfToken)) : facebookLinking.relinkForm(user),
          esc(user.csrfToken));
    }
    ctx.html(Html.page("Social Accounts", user, """
        <h1>Social Accounts</h1>
        %s
        <p>Link your social networks to post to them from the dashboard.</p>
        <section class="card network" aria-labelledby="instagram-title">
          <h2 id="instagram-title">Instagram</h2>
          %s
        </section>""".formatted(Html.notice(notice), card)));
  }

  private void startInstagramLink(Context ctx) {
    Workspace user = requirePostFrom(ctx);
    if (user == null) {
      return;
    }
    String state = random(32);
    user.pending = new PendingLink(state, clock.instant());
    ctx.header("Cache-Control", "no-store");
    ctx.redirect(instagram.authorizeUrl(instagramRedirectUri(), state).toString(), HttpStatus.SEE_OTHER);
  }

  private void instagramCallback(Context ctx) {
    Workspace user = requireUser(ctx);
    if (user == null) {
      return;
    }
    ctx.header("Referrer-Policy", "no-referrer");
    PendingLink pending = user.pending;
    if (!faults.active(Fault.STATE_NOT_SPENT)) {
      user.pending = null; // a state is good for one callback only
    }
    String state = ctx.queryParam("state");
    boolean stateOk = pending != null && state != null && stateMatches(faults, pending.state(), state)
        && !pending.startedAt().plus(STATE_LIFETIME).isBefore(clock.instant());
    if (!stateOk && !faults.active(Fault.STATE_CHECK_SKIPPED)) {
      LOG.warn("workspace {}: Instagram callback refused, state missing, expired or not ours", user.id);
      user.notice = Notice.error("Instagram was not linked",
          "The answer from Instagram did not match a linking request from this browser, so it was ignored. Please link again.");
      ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
      return;
    }
    String error = ctx.queryParam("error");
    if (error != null) {
      String reason = ctx.queryParam("error_reason");
      user.notice = "access_denied".equals(error)
          ? Notice.error("Instagram was not linked", "You cancelled on Instagram, so nothing was linked. Click the Instagram icon to try again.")
          : Notice.error("Instagram was not linked", "Instagram answered: " + (reason == null ? error : reason) + ".");
      ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
      return;
    }
    String code = ctx.queryParam("code");
    try {
      if (code == null || code.isBlank()) {
        throw new ProviderException(400, "Instagram sent no authorization code");
      }
      var grant = instagram.exchangeCode(code, instagramRedirectUri());
      String token = instagram.longLivedToken(grant.accessToken());
      var profile = instagram.me(token);
      if (!AccountTypes.isProfessional(profile.accountType()) && !faults.active(Fault.PERSONAL_TREATED_AS_BUSINESS)) {
        LOG.info("workspace {}: refused @{}, account type {}", user.id, LogSafe.text(profile.username()),
            LogSafe.text(profile.accountType()));
        user.notice = new Notice(Tone.ERROR, "Your Instagram account isn't a Business or Creator account",
            "@" + profile.username() + " is a " + AccountTypes.displayName(profile.accountType())
                + " account. Instagram requires that your account be an Instagram Business or Instagram Creator account. "
                + "To switch from a Personal to a Business or Creator account:",
            relink.notProfessionalSteps());
      } else {
        List<String> missing = new ArrayList<>(InstagramSettings.PUBLISHING_SCOPES);
        missing.removeAll(grant.permissions());
        String accountType = AccountTypes.isProfessional(profile.accountType()) ? profile.accountType() : "Business";
        String shown = faults.active(Fault.CONFIRMATION_SHOWS_WRONG_ACCOUNT) && lastLinkedUsername != null
            ? lastLinkedUsername : profile.username();
        lastLinkedUsername = profile.username();
        LinkedInstagram before = user.instagram;
        user.instagram = new LinkedInstagram(profile.userId(), shown, accountType, grant.permissions(), missing, token, null);
        LOG.info("workspace {}: linked Instagram @{} ({})", user.id, LogSafe.text(profile.username()),
            LogSafe.text(profile.accountType()));
        user.notice = missing.isEmpty()
            ? Notice.success("Instagram linked", "Your Instagram account @" + shown + " is now linked.")
            : new Notice(Tone.WARNING, "Instagram linked, but not all permissions were granted",
                "Missing: " + String.join(", ", missing) + ". Posting may fail. Unlink and link again, and toggle on all permissions.", List.of());
        if (before != null && before.userId().equals(profile.userId()) && missing.isEmpty()) {
          user.notice = RelinkSupport.relinked(shown);
        }
      }
    } catch (ProviderException e) {
      LOG.warn("workspace {}: Instagram linking failed: {}", user.id, LogSafe.text(e.getMessage()));
      user.notice = relink.linkFailed(e);
    }
    ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
  }

  private void unlinkInstagram(Context ctx) {
    Workspace user = requirePostFrom(ctx);
    if (user == null) {
      return;
    }
    LinkedInstagram was = user.instagram;
    user.instagram = null;
    if (was != null) {
      LOG.info("workspace {}: unlinked Instagram @{}", user.id, LogSafe.text(was.username()));
      user.notice = Notice.success("Instagram unlinked", "@" + was.username() + " is no longer linked.");
    }
    ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
  }

  // --- Settings

  private void settingsPage(Context ctx) {
    Workspace user = requireUser(ctx);
    if (user == null) {
      return;
    }
    Notice notice = user.notice;
    user.notice = null;
    ctx.html(Html.page("Settings", user, """
        <h1>Settings</h1>
        %s
        <form method="post" action="/settings" class="card">
          <input type="hidden" name="csrf" value="%s">
          <div class="setting">
            <input type="checkbox" role="switch" id="instagram-login" name="instagramLogin" value="on"%s>
            <label for="instagram-login">Instagram Login</label>
            <p class="hint">On: link Instagram directly with your Instagram credentials (the default).
              Off: link through the Facebook Page connected to your Instagram account.</p>
          </div>
          <button type="submit">Save settings</button>
        </form>""".formatted(Html.notice(notice), esc(user.csrfToken), user.instagramLogin ? " checked" : "")));
  }

  private void saveSettings(Context ctx) {
    Workspace user = requirePostFrom(ctx);
    if (user == null) {
      return;
    }
    user.instagramLogin = "on".equals(ctx.formParam("instagramLogin"));
    user.notice = Notice.success("Settings saved", "Instagram Login is " + (user.instagramLogin ? "on" : "off") + ".");
    ctx.redirect("/settings", HttpStatus.SEE_OTHER);
  }

  // --- plumbing

  private void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", contentSecurityPolicy);
  }

  /**
   * Only the dashboard's own scripts, styles and images; no inline script or style, no plugins, no {@code <base>},
   * no framing. Forms post to the dashboard, and the two that start a link are redirected on to the provider's
   * authorization page: Chromium checks form-action on those redirects too, so the providers' origins are allowed.
   */
  static String contentSecurityPolicy(URI instagramAuthorize, URI facebookDialog) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        + "form-action 'self' " + origin(instagramAuthorize) + " " + origin(facebookDialog);
  }

  private static String origin(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }

  private Workspace user(Context ctx) {
    return sessions.find(ctx.cookie(SESSION_COOKIE)).user();
  }

  private Workspace requireUser(Context ctx) {
    Sessions.Lookup session = sessions.find(ctx.cookie(SESSION_COOKIE));
    if (session.user() == null) {
      ctx.redirect(session.expired() ? "/signin?expired" : "/signin", HttpStatus.SEE_OTHER);
    }
    return session.user();
  }

  /** A signed-in POST that carries this workspace's CSRF token. */
  private Workspace requirePostFrom(Context ctx) {
    Workspace user = requireUser(ctx);
    if (user == null) {
      return null;
    }
    String csrf = ctx.formParam("csrf");
    if (csrf == null || !constantTimeEquals(user.csrfToken, csrf)) {
      ctx.status(HttpStatus.FORBIDDEN).html(Html.page("Forbidden", user,
          "<p role=\"alert\">This form has expired. Go back to <a href=\"/social-accounts\">Social Accounts</a> and try again.</p>"));
      return null;
    }
    return user;
  }

  /** The state a callback brought back is the one sent, all of it (compared in constant time). */
  static boolean stateMatches(Faults faults, String sent, String received) {
    if (faults.active(Fault.STATE_COMPARED_BY_PREFIX)) {
      int n = Math.min(16, Math.min(sent.length(), received.length()));
      return constantTimeEquals(sent.substring(0, n), received.substring(0, n));
    }
    return constantTimeEquals(sent, received);
  }

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static final String INSTAGRAM_ICON = """
      <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
        <rect x="2" y="2" width="20" height="20" rx="6" fill="none" stroke="currentColor" stroke-width="2"/>
        <circle cx="12" cy="12" r="4.5" fill="none" stroke="currentColor" stroke-width="2"/>
        <circle cx="17.5" cy="6.5" r="1.3" fill="currentColor"/>
      </svg>""";
}
