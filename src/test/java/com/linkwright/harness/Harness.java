package com.linkwright.harness;

import com.linkwright.app.Fault;
import com.linkwright.app.LinkingApp;
import com.linkwright.stubs.FacebookPersonaBook;
import com.linkwright.stubs.InstagramAccountState;
import com.linkwright.stubs.InstagramPersona;
import com.linkwright.stubs.InstagramPersonaBook;
import com.linkwright.stubs.ProviderStubs;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
  private static int holders;
  /** The harness starting or started for the current holders; null when nobody holds it. */
  private static CompletableFuture<Harness> starting;
  /** Whether the next start's app records which scenarios reach each fault's site; only the regression proof sets it. */
  private static boolean recordReach;

  public final HarnessConfig config;
  /** The full Chromium (its pop-up blocker on). */
  public final BrowserLocator.Located browser;
  /** Chromium's headless shell, which the scenarios drive in a headless run when one was found; else empty. */
  public final java.util.Optional<BrowserLocator.Located> headlessShell;
  public final URI appUrl;
  private final ProviderStubs stubs;
  /** The embedded app (null for an app started elsewhere); the regression proof starts it again with a fault. */
  private volatile LinkingApp app;
  private final HarnessStart.AppSetup appSetup;
  private final List<PlaywrightWorker> workers;
  private final BlockingQueue<PlaywrightWorker> idle;

  Harness(HarnessConfig config, BrowserLocator.Located browser, java.util.Optional<BrowserLocator.Located> headlessShell,
      ProviderStubs stubs, LinkingApp app, HarnessStart.AppSetup appSetup, URI appUrl, List<PlaywrightWorker> workers) {
    this.config = config;
    this.browser = browser;
    this.headlessShell = headlessShell;
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
      starting = CompletableFuture.supplyAsync(() -> HarnessStart.start(config, recording), Harness::inDaemonThread);
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

  private final RunEnvironment environment = new RunEnvironment();

  /** Writes what this run drove, once, for the report's Environment panel (see {@link RunEnvironment}). */
  public void recordRun(String browserVersion) {
    environment.recordOnce(this, browserVersion);
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
  public InstagramAccountState instagramAccount(InstagramPersona persona) {
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

  /** Closes a part quietly: the failure being reported is what the user needs to read, not a second one. */
  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the start failure is what the user needs to read; a second error while cleaning up would hide it
    }
  }
}
