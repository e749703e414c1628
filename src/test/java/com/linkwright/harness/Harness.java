package com.linkwright.harness;

import com.linkwright.app.FacebookSettings;
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

  public static synchronized Harness get() {
    if (startFailure != null) {
      throw startFailure;
    }
    if (instance == null) {
      try {
        instance = start(HarnessConfig.load());
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "linkwright-shutdown"));
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
          FacebookSettings.stubbedAt(stubs.facebookUrl(), facebookAppId, facebookSecret), Set.of());
      stubs.register(new RegisteredApp("Linkwright Dashboard", clientId, clientSecret, app.instagramRedirectUri()));
      stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", facebookAppId, facebookSecret, app.facebookRedirectUri()));
      System.out.println("[linkwright] reference app: " + app.baseUrl() + "  stubbed Instagram: " + stubs.instagramUrl()
          + "  stubbed Facebook: " + stubs.facebookUrl());
      return new Harness(config, browser, stubs, app, app.baseUrl());
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

  public PersonaBook instagramPersonas() {
    return stubs.instagramPersonas();
  }

  public URI instagramUrl() {
    return stubs.instagramUrl();
  }

  public FacebookPersonaBook facebookPersonas() {
    return stubs.facebookPersonas();
  }

  public URI facebookUrl() {
    return stubs.facebookUrl();
  }

  /** What the stubbed providers received since {@code since}, secrets redacted. */
  public String providerJournal(Instant since) {
    return "== Stubbed Instagram (" + stubs.instagramUrl() + ") ==\n" + stubs.instagramJournal(since)
        + "\n== Stubbed Facebook (" + stubs.facebookUrl() + ") ==\n" + stubs.facebookJournal(since);
  }

  private void stop() {
    if (app != null) {
      app.close();
    }
    stubs.close();
  }
}
