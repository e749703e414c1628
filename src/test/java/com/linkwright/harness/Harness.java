package com.linkwright.harness;

import com.linkwright.app.FacebookSettings;
import com.linkwright.app.Fault;
import com.linkwright.app.InstagramSettings;
import com.linkwright.app.LinkingApp;
import com.linkwright.stubs.FacebookPersonaBook;
import com.linkwright.stubs.InstagramPersonaBook;
import com.linkwright.stubs.ProviderStubs;
import com.linkwright.stubs.RegisteredApp;
import com.linkwright.stubs.StubsMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What one run shares, read-only once started: the settings, the stubbed providers, the reference app and
 * {@code workers} Chromiums, each driven by a Playwright of its own. Scenarios never change it; each brings its own
 * user, context and persona copy, and borrows a browser for its duration.
 *
 * <p>It is held, not owned: Cucumber's {@code @BeforeAll}/{@code @AfterAll} (Hooks), the feature suite
 * (RunCucumberIT) and JUnit tests that need a browser ({@link SharedHarness}) each {@link #hold()} it while they run
 * and {@link #letGo()} after. The first holder starts it, the last one to let go stops it, so a suite and the tests
 * inside it share one start. The stubs, the app and the Playwrights start side by side.
 *
 * <p>If starting fails, every scenario fails at once with the same message rather than trying again.
 */
public final class Harness {
  private static final Path PHASES = Path.of("target", "linkwright-phases.properties");

  private static int holders;
  /** The harness starting or started for the current holders; null when nobody holds it. */
  private static CompletableFuture<Harness> starting;
  /** Whether the next start's app records which scenarios reach each fault's site; only the regression proof sets it. */
  private static boolean recordReach;

  public final HarnessConfig config;
  public final BrowserLocator.Located browser;
  public final URI appUrl;
  private final ProviderStubs stubs;
  /** The embedded app (null for an app started elsewhere); the regression proof starts it again with a fault. */
  private volatile LinkingApp app;
  private final AppSetup appSetup;
  private final List<PlaywrightWorker> workers;
  private final BlockingQueue<PlaywrightWorker> idle;

  private Harness(HarnessConfig config, BrowserLocator.Located browser, ProviderStubs stubs, LinkingApp app,
                  AppSetup appSetup, URI appUrl, List<PlaywrightWorker> workers) {
    this.config = config;
    this.browser = browser;
    this.stubs = stubs;
    this.app = app;
    this.appSetup = appSetup;
    this.appUrl = appUrl;
    this.workers = List.copyOf(workers);
    this.idle = new LinkedBlockingQueue<>(workers);
  }

  /**
   * Holds the harness for the caller, starting it (in the background) if nobody holds it yet. Bad settings stop the
   * run here, at once; any other start failure is kept and thrown to whoever asks for the harness.
   */
  public static synchronized void hold() {
    if (starting == null) {
      HarnessConfig config = HarnessConfig.load();
      boolean recording = recordReach;
      recordReach = false;
      starting = CompletableFuture.supplyAsync(() -> start(config, recording), Harness::inDaemonThread);
    }
    holders++;
  }

  /** Waits until the held harness has started or failed to; does not throw the failure (scenarios do). */
  public static void awaitStart() {
    CompletableFuture<Harness> s;
    synchronized (Harness.class) {
      s = starting;
    }
    if (s != null) {
      s.handle((h, e) -> null).join();
    }
  }

  /** Lets go of the harness; the last holder stops it. */
  public static void letGo() {
    CompletableFuture<Harness> toStop = null;
    synchronized (Harness.class) {
      if (holders == 0) {
        // a holder whose hold() stopped on bad settings lets go too (an after-hook runs anyway): nothing to stop
        return;
      }
      if (--holders == 0) {
        toStop = starting;
        starting = null;
      }
    }
    if (toStop != null) {
      stopWhenStarted(toStop);
    }
  }

  /**
   * The harness held for this run. If it failed to start, throws that failure's message again, so that every
   * scenario fails at once with the same message.
   */
  public static Harness current() {
    CompletableFuture<Harness> s;
    synchronized (Harness.class) {
      s = starting;
    }
    if (s == null) {
      throw new IllegalStateException("No harness is running: something must hold it (Cucumber's @BeforeAll in "
          + "com.linkwright.steps.Hooks, or @ExtendWith(SharedHarness.class) on a JUnit test). Is com.linkwright.steps "
          + "the glue (src/test/resources/junit-platform.properties)?");
    }
    try {
      return s.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }

  /**
   * Makes the next start's app record which scenarios reach each fault's site ({@link #reachedFaultSites}).
   * For the regression proof only (RegressionsIT): nothing else in a run calls it, and no setting reaches it.
   */
  static synchronized void recordReachOnNextStart() {
    if (starting != null) {
      throw new IllegalStateException("The harness is already started: record reach before anything holds it");
    }
    recordReach = true;
  }

  /**
   * Stops the embedded app and starts it again on the same port (so the stubs' registration and every URL stay the
   * same) with these deliberate regressions; the stubs and browsers stay up. For the regression proof only
   * (RegressionLane), between runs: no scenario may be running.
   */
  synchronized void restartAppWithFaults(Set<Fault> faults) {
    if (appSetup == null) {
      throw new IllegalStateException("The regression proof needs the embedded app: leave use.baseURL empty.");
    }
    app.close();
    app = LinkingApp.start(appUrl.getPort(), appSetup.instagram(), appSetup.facebook(), faults);
  }

  /** For the run that {@link #recordReachOnNextStart} prepared: which request tags reached each fault's site. */
  Map<Fault, Set<String>> reachedFaultSites() {
    return app.reachedFaultSites();
  }

  private static void stopWhenStarted(CompletableFuture<Harness> started) {
    started.handle((h, e) -> {
      if (h != null) {
        h.stop();
      }
      return null;
    }).join();
  }

  private static void inDaemonThread(Runnable r) {
    Thread t = new Thread(r, "linkwright-harness-start");
    t.setDaemon(true);
    t.start();
  }

  /** Starts the stubs, the app and every worker's Playwright and Chromium side by side; closes what started if any fails. */
  private static Harness start(HarnessConfig config, boolean recordReach) {
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
      System.out.println("[linkwright] Chromium: " + browser.executable() + " (" + browser.how() + ")");
      List<Future<PlaywrightWorker>> launching = new ArrayList<>();
      for (int i = 0; i < config.workers; i++) {
        launching.add(pool.submit(() -> PlaywrightWorker.start(config, browser, times)));
        parts.add(launching.get(i));
      }
      Path fixtures = Path.of("fixtures");
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
        appSetup = new AppSetup(InstagramSettings.stubbedAt(localhost(instagramPort), StubsMain.DEMO_CLIENT_ID, clientSecret),
            FacebookSettings.stubbedAt(localhost(facebookPort), StubsMain.DEMO_FACEBOOK_APP_ID, facebookSecret));
        AppSetup setup = appSetup;
        Future<LinkingApp> appStarting = pool.submit(() -> times.time("app", () -> recordReach
            ? LinkingApp.startRecordingReach(0, setup.instagram(), setup.facebook())
            : LinkingApp.start(0, setup.instagram(), setup.facebook(), Set.of())));
        parts.add(stubsStarting);
        parts.add(appStarting);
        stubs = get(stubsStarting);
        app = get(appStarting);
        stubs.register(new RegisteredApp("Linkwright Dashboard", StubsMain.DEMO_CLIENT_ID, clientSecret, app.instagramRedirectUri()));
        stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", StubsMain.DEMO_FACEBOOK_APP_ID, facebookSecret,
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
        stubs.register(new RegisteredApp("Linkwright Dashboard", StubsMain.DEMO_CLIENT_ID, StubsMain.DEMO_CLIENT_SECRET,
            LinkingApp.instagramRedirectUri(appUrl)));
        stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", StubsMain.DEMO_FACEBOOK_APP_ID,
            StubsMain.DEMO_CLIENT_SECRET, LinkingApp.facebookRedirectUri(appUrl)));
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
        warmUps.add(pool.submit(() -> WarmUp.run(w.browser(), warmApp, warmStubs, config.timeout)));
      }
      for (Future<?> w : warmUps) {
        get(w);
      }
      times.record("warm-up", System.nanoTime() - warming);
      times.record("harness", System.nanoTime() - began);
      times.write(PHASES);
      return new Harness(config, browser, stubs, app, appSetup, appUrl, workers);
    } catch (RuntimeException e) {
      // wait for every part, then close those that did start, so that nothing is left running behind the failure
      pool.shutdown();
      awaitQuietly(pool);
      for (Future<? extends AutoCloseable> part : parts) {
        try {
          closeQuietly(part.get());
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

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the start failure is what the user needs to read; a second error while cleaning up would hide it
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

  /** A browser for one scenario (or test) at a time: give it back when done. */
  public PlaywrightWorker borrowBrowser() {
    try {
      PlaywrightWorker w = idle.poll(10, TimeUnit.MINUTES);
      if (w == null) {
        throw new IllegalStateException("No browser came free in 10 minutes: a scenario kept its browser (workers="
            + config.workers + ")");
      }
      return w;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a browser", e);
    }
  }

  public void giveBack(PlaywrightWorker worker) {
    idle.add(worker);
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
    Properties p = new Properties();
    p.setProperty("Browser", "Chromium " + browserVersion);
    p.setProperty("Browser.executable", browser.executable() + " (" + browser.how() + ")");
    p.setProperty("Headless", String.valueOf(config.headless));
    p.setProperty("App.URL", appUrl + (app != null ? " (embedded reference app)" : " (external)"));
    p.setProperty("Stubbed.Instagram", stubs.instagramUrl().toString());
    p.setProperty("Workers", String.valueOf(config.workers));
    p.setProperty("Retries", String.valueOf(config.retries));
    try {
      Files.createDirectories(Path.of("target"));
      try (var out = Files.newBufferedWriter(Path.of("target", "linkwright-run.properties"))) {
        p.store(out, "Linkwright run");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write target/linkwright-run.properties", e);
    }
  }

  public InstagramPersonaBook instagramPersonas() {
    return stubs.instagramPersonas();
  }

  public URI instagramUrl() {
    return stubs.instagramUrl();
  }

  /** What the stubbed Instagram received on one path since {@code since} (bodies and answers, unredacted). */
  public List<ProviderStubs.Received> instagramReceived(Instant since, String method, String path) {
    return stubs.instagramReceived(since, method, path);
  }

  /** What the stubbed Facebook received on one path since {@code since}, with tokens of this Facebook user only. */
  public List<ProviderStubs.Received> facebookReceived(Instant since, String method, String path, String facebookUserId) {
    return stubs.facebookReceived(since, method, path, facebookUserId);
  }

  public FacebookPersonaBook facebookPersonas() {
    return stubs.facebookPersonas();
  }

  public URI facebookUrl() {
    return stubs.facebookUrl();
  }

  /** What the stubbed Instagram holds about a persona copy: its reported type, authorized apps, revocations. */
  public com.linkwright.stubs.InstagramAccountState instagramAccount(com.linkwright.stubs.InstagramPersona persona) {
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

  private void stop() {
    for (PlaywrightWorker w : workers) {
      closeQuietly(w);
    }
    if (app != null) {
      app.close();
    }
    stubs.close();
  }

  /** What the embedded app was started with, to start it again with a fault (secrets as registered with the stubs). */
  private record AppSetup(InstagramSettings instagram, FacebookSettings facebook) {}

  /** How long each part of the start took (the parts overlap), written for the run summary's phase line. */
  static final class StartTimes {
    private final Properties seconds = new Properties();

    <T> T time(String part, Supplier<T> work) {
      long t0 = System.nanoTime();
      T result = work.get();
      record(part, System.nanoTime() - t0);
      return result;
    }

    /** The longest of several (each worker times its own Playwright and Chromium). */
    synchronized void record(String part, long nanos) {
      double s = nanos / 1e9;
      double before = Double.parseDouble(seconds.getProperty(part, "0"));
      seconds.setProperty(part, String.format(java.util.Locale.ROOT, "%.2f", Math.max(before, s)));
    }

    synchronized void write(Path file) {
      try {
        Files.createDirectories(file.getParent());
        try (var out = Files.newBufferedWriter(file)) {
          seconds.store(out, "seconds each part of the harness start took (they run side by side)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file, e);
      }
    }
  }
}
