package com.linkwright.harness;

import com.linkwright.app.FacebookSettings;
import com.linkwright.app.Fault;
import com.linkwright.app.InstagramSettings;
import com.linkwright.app.LinkingApp;
import com.linkwright.stubs.FacebookPersonaBook;
import com.linkwright.stubs.PersonaBook;
import com.linkwright.stubs.ProviderStubs;
import com.linkwright.stubs.RegisteredApp;
import com.linkwright.stubs.StubsMain;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * What one run shares, started once and read-only afterwards: the settings, the browser to launch, the stubbed
 * providers and the reference app. Scenarios never change it; each brings its own user, context and persona copy.
 * If starting fails, every scenario fails at once with the same message rather than trying again.
 */
public final class Harness {
  private static Harness instance;
  private static RuntimeException startFailure;

  public final HarnessConfig config;
  public final BrowserLocator.Located browser;
  public final URI appUrl;
  private final ProviderStubs stubs;
  private final LinkingApp app;

  private Harness(HarnessConfig config, BrowserLocator.Located browser, ProviderStubs stubs, LinkingApp app, URI appUrl) {
    this.config = config;
    this.browser = browser;
    this.stubs = stubs;
    this.app = app;
    this.appUrl = appUrl;
  }

  private static HarnessConfig runConfig;
  /** Deliberate regressions for the next start; only the regression proof sets them. */
  private static Set<Fault> faults = Set.of();

  /**
   * Stops the running app and stubs, so that the next scenario starts them again with these faults.
   * For RegressionsIT only: nothing else in a run calls it, and no setting reaches it.
   */
  static synchronized void restartWithFaults(Set<Fault> next) {
    if (instance != null) {
      instance.stop();
    }
    instance = null;
    startFailure = null;
    faults = Set.copyOf(next);
  }

  /** The run's settings, read once. */
  public static synchronized HarnessConfig config() {
    if (runConfig == null) {
      runConfig = HarnessConfig.load();
    }
    return runConfig;
  }

  public static synchronized Harness get() {
    if (startFailure != null) {
      throw startFailure;
    }
    if (instance == null) {
      try {
        instance = start(config());
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Harness started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "linkwright-shutdown"));
    }
    return instance;
  }

  private static Harness start(HarnessConfig config) {
    BrowserLocator.Located browser = new BrowserLocator(config).locate();
    System.out.println("[linkwright] Chromium: " + browser.executable() + " (" + browser.how() + ")");
    Path fixtures = Path.of("fixtures");
    if (config.embeddedApp()) {
      ProviderStubs stubs = ProviderStubs.start(fixtures, 0);
      String clientId = StubsMain.DEMO_CLIENT_ID;
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      String clientSecret = HexFormat.of().formatHex(secret);
      String facebookAppId = StubsMain.DEMO_FACEBOOK_APP_ID;
      new SecureRandom().nextBytes(secret);
      String facebookSecret = HexFormat.of().formatHex(secret);
      LinkingApp app = LinkingApp.start(0, InstagramSettings.stubbedAt(stubs.instagramUrl(), clientId, clientSecret),
          FacebookSettings.stubbedAt(stubs.facebookUrl(), facebookAppId, facebookSecret), faults);
      stubs.register(new RegisteredApp("Linkwright Dashboard", clientId, clientSecret, app.instagramRedirectUri()));
      stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", facebookAppId, facebookSecret, app.facebookRedirectUri()));
      System.out.println("[linkwright] reference app: " + app.baseUrl() + "  stubbed Instagram: " + stubs.instagramUrl()
          + "  stubbed Facebook: " + stubs.facebookUrl());
      return new Harness(config, browser, stubs, app, app.baseUrl());
    }
    if (!faults.isEmpty()) {
      throw new IllegalStateException("The regression proof needs the embedded app: leave use.baseURL empty.");
    }
    // An app started elsewhere (./mvnw exec:java@app) talks to the stubs on their usual port.
    URI appUrl = URI.create(config.baseUrl);
    ProviderStubs stubs = ProviderStubs.start(fixtures, 8089);
    stubs.register(new RegisteredApp("Linkwright Dashboard", StubsMain.DEMO_CLIENT_ID, StubsMain.DEMO_CLIENT_SECRET,
        LinkingApp.instagramRedirectUri(appUrl)));
    stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", StubsMain.DEMO_FACEBOOK_APP_ID,
        StubsMain.DEMO_CLIENT_SECRET, LinkingApp.facebookRedirectUri(appUrl)));
    System.out.println("[linkwright] app under test: " + appUrl + "  stubbed Instagram: " + stubs.instagramUrl()
        + "  stubbed Facebook: " + stubs.facebookUrl());
    return new Harness(config, browser, stubs, null, appUrl);
  }

  private boolean runRecorded;

  /**
   * Writes what this run drove, once, for the report's Environment panel: browser and version, app, workers, retries.
   * The report builder adds the commit and the OS.
   */
  public synchronized void recordRun(String browserVersion) {
    if (runRecorded) {
      return;
    }
    runRecorded = true;
    java.util.Properties p = new java.util.Properties();
    p.setProperty("Browser", "Chromium " + browserVersion);
    p.setProperty("Browser.executable", browser.executable() + " (" + browser.how() + ")");
    p.setProperty("Headless", String.valueOf(config.headless));
    p.setProperty("App.URL", appUrl + (app != null ? " (embedded reference app)" : " (external)"));
    p.setProperty("Stubbed.Instagram", stubs.instagramUrl().toString());
    p.setProperty("Workers", String.valueOf(config.workers));
    p.setProperty("Retries", String.valueOf(config.retries));
    try {
      java.nio.file.Files.createDirectories(Path.of("target"));
      try (var out = java.nio.file.Files.newBufferedWriter(Path.of("target", "linkwright-run.properties"))) {
        p.store(out, "Linkwright run");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot write target/linkwright-run.properties", e);
    }
  }

  public PersonaBook instagramPersonas() {
    return stubs.instagramPersonas();
  }

  public URI instagramUrl() {
    return stubs.instagramUrl();
  }

  /** What the stubbed Instagram received on one path since {@code since} (bodies and answers, unredacted). */
  public java.util.List<ProviderStubs.Received> instagramReceived(Instant since, String method, String path) {
    return stubs.instagramReceived(since, method, path);
  }

  /** What the stubbed Facebook received on one path since {@code since}, with tokens of this Facebook user only. */
  public java.util.List<ProviderStubs.Received> facebookReceived(Instant since, String method, String path, String facebookUserId) {
    return stubs.facebookReceived(since, method, path, facebookUserId);
  }

  public FacebookPersonaBook facebookPersonas() {
    return stubs.facebookPersonas();
  }

  public URI facebookUrl() {
    return stubs.facebookUrl();
  }

  /** What the stubbed Instagram holds about a persona copy: its reported type, authorized apps, revocations. */
  public com.linkwright.stubs.InstagramAccountState instagramAccount(com.linkwright.stubs.Persona persona) {
    return stubs.instagramPersonas().state(persona);
  }

  /** What the stubbed providers received since {@code since}, secrets redacted. */
  public String providerJournal(Instant since) {
    String note = config.workers > 1 ? " (workers > 1: requests of scenarios running alongside may appear too)" : "";
    return "== Stubbed Instagram (" + stubs.instagramUrl() + "), every request since the scenario began" + note + " ==\n"
        + stubs.instagramJournal(since)
        + "\n== Stubbed Facebook (" + stubs.facebookUrl() + "), every request since the scenario began" + note + " ==\n"
        + stubs.facebookJournal(since);
  }

  private boolean stopped;

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (app != null) {
      app.close();
    }
    stubs.close();
  }
}
