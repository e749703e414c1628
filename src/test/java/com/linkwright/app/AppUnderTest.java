package com.linkwright.app;

import com.linkwright.stubs.ProviderStubs;
import com.linkwright.stubs.RegisteredApp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The reference app and the stubbed providers it talks to, started in this JVM on free ports, for tests that speak
 * HTTP to the app without a browser (name such test classes *IT: failsafe runs them). One per test class
 * ({@code @BeforeAll}); each test takes its own {@link #visitor()}, so tests never share a dashboard user.
 */
public final class AppUnderTest implements AutoCloseable {
  public static final String INSTAGRAM_CLIENT_ID = "990001112223334";
  public static final String FACEBOOK_APP_ID = "990001112225555";
  public static final String INSTAGRAM_SECRET = "app-under-test-instagram-secret";
  public static final String FACEBOOK_SECRET = "app-under-test-facebook-secret";

  public final ProviderStubs stubs;
  public final LinkingApp app;

  private AppUnderTest(ProviderStubs stubs, LinkingApp app) {
    this.stubs = stubs;
    this.app = app;
  }

  public static AppUnderTest start() {
    return start(Set.of());
  }

  /** With deliberate regressions, to prove that a test catches one. */
  public static AppUnderTest start(Set<Fault> faults) {
    return start(Path.of("fixtures"), (instagram, facebook) -> LinkingApp.start(0, instagram, facebook, faults, Clock.systemUTC()));
  }

  /** With no fault, noting which tagged requests reach each fault's site (the regression proof's clean run). */
  public static AppUnderTest startRecordingReach() {
    return start(Path.of("fixtures"), (instagram, facebook) -> LinkingApp.startRecordingReach(0, instagram, facebook));
  }

  /** With the stubs reading another fixtures folder (a copy with personas of the test's own). */
  public static AppUnderTest start(Path fixtures) {
    return start(fixtures, (instagram, facebook) -> LinkingApp.start(0, instagram, facebook, Set.of(), Clock.systemUTC()));
  }

  /** With the app on a clock the test moves (sessions and OAuth states expire on it). */
  public static AppUnderTest start(MovableClock clock) {
    return start(Path.of("fixtures"), (instagram, facebook) -> LinkingApp.start(0, instagram, facebook, Set.of(), clock));
  }

  private static AppUnderTest start(Path fixtures, BiFunction<InstagramSettings, FacebookSettings, LinkingApp> starter) {
    ProviderStubs stubs = ProviderStubs.start(fixtures, 0, 0);
    try {
      LinkingApp app = starter.apply(InstagramSettings.stubbedAt(stubs.instagramUrl(), INSTAGRAM_CLIENT_ID, INSTAGRAM_SECRET),
          FacebookSettings.stubbedAt(stubs.facebookUrl(), FACEBOOK_APP_ID, FACEBOOK_SECRET));
      stubs.register(new RegisteredApp("Linkwright Dashboard", INSTAGRAM_CLIENT_ID, INSTAGRAM_SECRET, app.instagramRedirectUri()));
      stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", FACEBOOK_APP_ID, FACEBOOK_SECRET, app.facebookRedirectUri()));
      return new AppUnderTest(stubs, app);
    } catch (RuntimeException e) {
      stubs.close();
      throw e;
    }
  }

  public URI baseUrl() {
    return app.baseUrl();
  }

  /** A new visitor with an empty cookie jar: a browser without the rendering. */
  public Visitor visitor() {
    return new Visitor(app.baseUrl());
  }

  @Override
  public void close() {
    app.close();
    stubs.close();
  }
}
