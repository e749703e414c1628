package com.linkwright.harness;

import com.linkwright.app.FacebookSettings;
import com.linkwright.app.InstagramSettings;
import com.linkwright.app.LinkingApp;
import com.linkwright.stubs.DemoRegistration;
import com.linkwright.stubs.ProviderStubs;
import com.linkwright.stubs.RegisteredApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the {@link Harness} starts: Chromium found first, then the stubs, the app and every worker's Playwright and
 * Chromium side by side (the app needs the stubs' ports, so those are chosen first), the app registered with the
 * stubs, each browser warmed up; if any part fails, the parts that did start are closed.
 */
final class HarnessStart {
  private static final Path PHASES = Path.of("target", "linkwright-phases.properties");

  private HarnessStart() {}

  /** Starts the stubs, the app and every worker's Playwright and Chromium side by side; closes what started if any fails. */
  static Harness start(HarnessConfig config, boolean recordReach) {
    long began = System.nanoTime();
    StartTimes times = new StartTimes();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "linkwright-start-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    // every part that may start something, so that a failure elsewhere closes it
    List<Future<? extends AutoCloseable>> parts = new ArrayList<>();
    try {
      // first, alone: finding Chromium takes milliseconds, and when there is none nothing else should start
      BrowserLocator.Located browser = BrowserProvider.locate(config);
      Optional<BrowserLocator.Located> shell = new BrowserLocator(config).headlessShell();
      System.out.println("[linkwright] Chromium: " + browser.executable() + " (" + browser.how() + ")");
      shell.ifPresent(s -> System.out.println("[linkwright] headless shell: " + s.executable() + " (" + s.how()
          + ") drives the scenarios; those tagged @popup-blocker run in the Chromium above, which has the pop-up blocker"));
      List<Future<PlaywrightWorker>> launching = new ArrayList<>();
      for (int i = 0; i < config.workers; i++) {
        launching.add(pool.submit(() -> PlaywrightWorker.start(config, browser, shell, times)));
        parts.add(launching.get(i));
      }
      Path fixtures = Path.of("fixtures");
      DemoRegistration demo = DemoRegistration.load(fixtures.resolve(DemoRegistration.FILE_NAME));
      ProviderStubs stubs;
      LinkingApp app = null;
      AppSetup appSetup = null;
      URI appUrl;
      if (config.embeddedApp()) {
        // the app must know the stubs' URLs when it starts: choose their ports first, then start both at once
        int instagramPort = freePort();
        int facebookPort = freePort();
        Future<ProviderStubs> stubsStarting = pool.submit(() -> times.time("stubs",
            () -> ProviderStubs.start(fixtures, instagramPort, facebookPort)));
        String clientSecret = randomSecret();
        String facebookSecret = randomSecret();
        appSetup = new AppSetup(InstagramSettings.stubbedAt(localhost(instagramPort), demo.instagramClientId(), clientSecret),
            FacebookSettings.stubbedAt(localhost(facebookPort), demo.facebookAppId(), facebookSecret));
        AppSetup setup = appSetup;
        Future<LinkingApp> appStarting = pool.submit(() -> times.time("app", () -> recordReach
            ? LinkingApp.startRecordingReach(0, setup.instagram(), setup.facebook())
            : LinkingApp.start(0, setup.instagram(), setup.facebook(), Set.of())));
        parts.add(stubsStarting);
        parts.add(appStarting);
        stubs = get(stubsStarting);
        app = get(appStarting);
        // the ids are the demo registration's; each run's secrets are its own
        stubs.register(new RegisteredApp(DemoRegistration.APP_NAME, demo.instagramClientId(), clientSecret,
            app.instagramRedirectUri()));
        stubs.registerWithFacebook(new RegisteredApp(DemoRegistration.APP_NAME, demo.facebookAppId(), facebookSecret,
            app.facebookRedirectUri()));
        appUrl = app.baseUrl();
        System.out.println("[linkwright] reference app: " + appUrl + "  stubbed Instagram: " + stubs.instagramUrl()
            + "  stubbed Facebook: " + stubs.facebookUrl());
      } else {
        if (recordReach) {
          throw new IllegalStateException("The regression proof needs the embedded app: leave use.baseURL empty.");
        }
        // An app started elsewhere (./mvnw exec:java@app) talks to the stubs on their usual port.
        appUrl = URI.create(config.baseUrl);
        Future<ProviderStubs> stubsStarting = pool.submit(() -> times.time("stubs", () -> ProviderStubs.start(fixtures, 8089)));
        parts.add(stubsStarting);
        stubs = get(stubsStarting);
        // an app started by hand (AppMain) presents the same registration, from the same file
        stubs.register(demo.instagram(LinkingApp.instagramRedirectUri(appUrl)));
        stubs.registerWithFacebook(demo.facebook(LinkingApp.facebookRedirectUri(appUrl)));
        System.out.println("[linkwright] app under test: " + appUrl + "  stubbed Instagram: " + stubs.instagramUrl()
            + "  stubbed Facebook: " + stubs.facebookUrl());
      }
      List<PlaywrightWorker> workers = new ArrayList<>();
      for (Future<PlaywrightWorker> w : launching) {
        workers.add(get(w));
      }
      long warming = System.nanoTime();
      URI warmApp = appUrl;
      ProviderStubs warmStubs = stubs;
      List<Future<?>> warmUps = new ArrayList<>();
      for (PlaywrightWorker w : workers) {
        warmUps.add(pool.submit(() -> WarmUp.run(w.browser(), warmApp, warmStubs, config.timeout, config.traceScreenshots)));
      }
      for (Future<?> w : warmUps) {
        get(w);
      }
      times.record("warm-up", System.nanoTime() - warming);
      times.record("harness", System.nanoTime() - began);
      times.write(PHASES);
      return new Harness(config, browser, shell, stubs, app, appSetup, appUrl, workers);
    } catch (RuntimeException e) {
      // wait for every part, then close those that did start, so that nothing is left running behind the failure
      pool.shutdown();
      awaitQuietly(pool);
      for (Future<? extends AutoCloseable> part : parts) {
        try {
          Harness.closeQuietly(part.get());
        } catch (ExecutionException | InterruptedException failedToo) {
          // this part did not start: nothing to close
        }
      }
      throw e;
    } finally {
      pool.shutdown();
    }
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the harness started", e);
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1 for the stubbed providers: " + e.getMessage(), e);
    }
  }

  private static URI localhost(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static String randomSecret() {
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  /** What the embedded app was started with, to start it again with a fault (secrets as registered with the stubs). */
  record AppSetup(InstagramSettings instagram, FacebookSettings facebook) {}

}
