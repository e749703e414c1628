package com.linkwright.app;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference linking app: a small "Social Accounts" dashboard modelled on the linking guide. This class wires its
 * parts into one Javalin server and starts it: sign-in ({@link SignIn}), Social Accounts ({@link SocialAccountsPage}),
 * Settings ({@link SettingsPage}), the two ways of linking Instagram ({@link InstagramLinking},
 * {@link FacebookLinking}), and posting ({@link InstagramPosting}).
 */
public final class LinkingApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkingApp.class);

  /**
   * Request tagging: the header in which a request may name what sent it (the test harness: its scenario, as
   * "features/direct.feature:11"). Only an app started with {@link #startRecordingReach} reads it, and only to note
   * which tags reached each fault's site ({@link #reachedFaultSites}); it never changes an answer.
   */
  public static final String REQUEST_TAG_HEADER = "X-Linkwright-Scenario";
  /** In {@link #reachedFaultSites}: the site was asked with no tag (an untagged request, or outside any request). */
  public static final String UNTAGGED = "";

  private final Faults faults;
  private final Javalin server;
  private final String contentSecurityPolicy;
  private volatile URI baseUrl;

  private LinkingApp(InstagramSettings instagramSettings, FacebookSettings facebookSettings, Faults faults, Clock clock) {
    this.faults = faults;
    this.contentSecurityPolicy = contentSecurityPolicy(instagramSettings.authorizeUrl(), facebookSettings.dialogUrl());
    Sessions sessions = new Sessions(clock);
    WorkspaceGuard guard = new WorkspaceGuard(sessions);
    SignIn signIn = new SignIn(sessions, new SignInGuard(() -> baseUrl.toString()), guard);
    InstagramLinking instagramLinking = new InstagramLinking(new InstagramLoginClient(instagramSettings),
        new RelinkSupport(instagramSettings, faults), faults, clock, this::baseUrl, guard);
    FacebookLinking facebookLinking = new FacebookLinking(new FacebookLoginClient(facebookSettings), faults, clock,
        this::baseUrl, guard);
    SocialAccountsPage socialAccounts = new SocialAccountsPage(guard, faults, instagramLinking, facebookLinking);
    SettingsPage settings = new SettingsPage(guard);
    InstagramPosting posting = new InstagramPosting(guard, faults, instagramSettings.graphUrl(), facebookSettings.graphUrl(),
        this::baseUrl);
    this.server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/public";
        files.location = Location.CLASSPATH;
      });
      config.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", contentSecurityPolicy);
      });
      RequestBodies.configure(config);
      if (faults.recordsReach()) {
        config.routes.before(RequestTags::begin);
        config.routes.after(RequestTags::end);
      }
      config.routes.get("/", ctx -> ctx.redirect(guard.workspace(ctx) == null ? "/signin" : "/social-accounts", HttpStatus.SEE_OTHER));
      signIn.addRoutes(config.routes);
      socialAccounts.addRoutes(config.routes);
      instagramLinking.addRoutes(config.routes);
      settings.addRoutes(config.routes);
      posting.configure(config);
      facebookLinking.addRoutes(config.routes);
    });
  }

  /**
   * Starts the app on 127.0.0.1 (0 = a free port), where {@code instagram} and {@code facebook} say; the browser reaches
   * it as http://localhost:port. A fault (a deliberate regression) is only for proving that the suite catches it.
   */
  public static LinkingApp start(int port, InstagramSettings instagram, FacebookSettings facebook, Set<Fault> faults) {
    return start(port, instagram, facebook, faults, Clock.systemUTC());
  }

  /** On a clock of the caller's: tests move it to see sessions and OAuth states expire. */
  static LinkingApp start(int port, InstagramSettings instagram, FacebookSettings facebook, Set<Fault> faults, Clock clock) {
    if (!faults.isEmpty()) {
      LOG.warn("reference app started WITH FAULTS {}: for the regression proof only", faults);
    }
    return listen(new LinkingApp(instagram, facebook, Faults.of(faults), clock), port);
  }

  /**
   * Starts the app with no fault, noting at every fault's site the tag of each request that asks there (see
   * {@link #REQUEST_TAG_HEADER}): the regression proof's clean run, which learns what each scenario reaches.
   */
  public static LinkingApp startRecordingReach(int port, InstagramSettings instagram, FacebookSettings facebook) {
    return listen(new LinkingApp(instagram, facebook, Faults.recordingReach(), Clock.systemUTC()), port);
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
    return InstagramLinking.redirectUri(baseUrl);
  }

  public static URI instagramRedirectUri(URI base) {
    return InstagramLinking.redirectUri(base);
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
}
