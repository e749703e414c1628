package com.linkwright.harness;

import com.linkwright.harness.console.ScenarioRecords;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One scenario's browser: a fresh context and page on this thread's Chromium, its trace, and what it attaches to the
 * report. Created per scenario by PicoContainer; page objects get their page from here.
 */
public final class BrowserSession {
  private Harness harness;
  private PlaywrightWorker worker;
  private BrowserContext context;
  private Page page;
  private Page activePage;
  private Scenario scenario;
  private Instant startedAt;
  private final List<String> callbackUrls = new CopyOnWriteArrayList<>();
  private CspViolations cspViolations;
  private final List<String> injectedScriptsRan = new CopyOnWriteArrayList<>();

  public void open(Scenario scenario) {
    this.scenario = scenario;
    this.startedAt = Instant.now();
    harness = Harness.current();
    worker = harness.borrowBrowser();
    // Chromium's own pop-up blocker is in the full Chromium only, not in the headless shell the others may drive
    Browser browser = scenario.getSourceTagNames().contains("@popup-blocker") ? worker.browserWithPopupBlocker()
        : worker.browser();
    harness.recordRun(browser.version());
    Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(harness.appUrl.toString())
        .setViewportSize(1100, 760)
        // every request of the scenario names it (pages, pop-ups, forms, fetches, context.request()): the regression
        // proof learns from the app which scenarios reach each fault's site
        .setExtraHTTPHeaders(ScenarioTag.headers(ScenarioTag.of(scenario.getUri(), scenario.getLine())));
    if (harness.config.video != HarnessConfig.Mode.OFF) {
      options.setRecordVideoDir(Path.of("target", "videos", safeName(scenario)));
    }
    context = browser.newContext(options);
    context.setDefaultTimeout(harness.config.timeout);
    context.setDefaultNavigationTimeout(harness.config.timeout);
    PlaywrightAssertions.setDefaultAssertionTimeout(harness.config.expectTimeout);
    if (harness.config.trace != HarnessConfig.Mode.OFF) {
      context.tracing().start(new Tracing.StartOptions().setScreenshots(harness.config.traceScreenshots).setSnapshots(true)
          .setTitle(scenario.getName()));
    }
    context.onRequest(r -> {
      if (r.url().contains("/auth/instagram/callback")) {
        callbackUrls.add(r.url());
      }
    });
    cspViolations = CspViolations.watch(context, harness.appUrl);
    // the hostile names in fixtures/personas set window.__pwned when one runs as markup: on any page, note where
    context.exposeBinding("__linkwrightInjectedScriptRan", (source, args) -> {
      injectedScriptsRan.add(source.page().url());
      return null;
    });
    context.addInitScript("Object.defineProperty(window, '__pwned', { configurable: true, "
        + "set: function () { window.__linkwrightInjectedScriptRan(); } });");
    page = context.newPage();
    activePage = page;
  }

  /** Fails the scenario if a page of the app reported a Content-Security-Policy violation while it ran. */
  public void assertNoCspViolations() {
    if (cspViolations != null) {
      cspViolations.assertNone();
    }
  }

  /** When the scenario began: what the stubs received since then is this scenario's (and its neighbours'). */
  public Instant startedAt() {
    return startedAt;
  }

  public Harness harness() {
    return harness;
  }

  /** The dashboard's tab. */
  public Page page() {
    return page;
  }

  /** The page the user is looking at: the dashboard, or a pop-up over it. */
  public Page activePage() {
    return activePage != null && !activePage.isClosed() ? activePage : page;
  }

  public void lookAt(Page p) {
    activePage = p;
  }

  /** The pages on which markup from a hostile name ran as code (set window.__pwned), in this scenario. */
  public List<String> injectedScriptsRan() {
    return new ArrayList<>(injectedScriptsRan);
  }

  /** Every URL the browser requested on the app's Instagram callback, oldest first (code and state included). */
  public List<String> callbackUrls() {
    return new ArrayList<>(callbackUrls);
  }

  public String uniqueName(String prefix) {
    return prefix + " " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  /**
   * Attached to the step that is running (with use.screenshot=on): the screen as the user sees it now, named after
   * the guide's step it illustrates, so the report reads like the guide with our screens in place of its pictures.
   */
  public void attachScreenshot(String name) {
    if (harness.config.screenshot == HarnessConfig.Mode.ON) {
      attachScreenshotNow(name);
    }
  }

  private void attachScreenshotNow(String name) {
    Page shown = activePage();
    if (scenario == null || shown == null || shown.isClosed()) {
      return;
    }
    byte[] png;
    try {
      png = shown.screenshot();
    } catch (com.microsoft.playwright.PlaywrightException e) {
      // a navigation the step started may still be committing: wait for its load event, then try once more
      shown.waitForLoadState();
      png = shown.screenshot();
    }
    scenario.attach(png, "image/png", name);
  }

  public void close() {
    try {
      closeContext();
    } finally {
      if (worker != null) {
        harness.giveBack(worker);
        worker = null;
      }
    }
  }

  private void closeContext() {
    if (context == null) {
      return;
    }
    boolean failed = scenario.isFailed();
    try {
      if (failed) {
        if (harness.config.screenshot != HarnessConfig.Mode.OFF) {
          attachScreenshotNow("Screen when it failed");
        }
        if (!activePage().isClosed()) {
          byte[] html = activePage().content().getBytes(StandardCharsets.UTF_8);
          scenario.attach(html, "text/html", "Page HTML when it failed ("
              + activePage().url().replaceAll("([?&](code|state)=)[^&#]+", "$1…") + ")");
          keepForTheConsole("page", Files.write(evidencePath(".html"), html));
        }
        scenario.attach(harness.providerJournal(startedAt).getBytes(StandardCharsets.UTF_8), "text/plain",
            "What the stubbed providers received");
      }
      if (harness.config.trace == HarnessConfig.Mode.ON || (failed && harness.config.trace == HarnessConfig.Mode.RETAIN_ON_FAILURE)) {
        Path trace = evidencePath(".zip");
        context.tracing().stop(new Tracing.StopOptions().setPath(trace));
        if (failed) {
          keepForTheConsole("trace", trace);
        }
        scenario.attach(Files.readAllBytes(trace), "application/zip", "Playwright trace (" + trace
            + "; open: ./mvnw -q exec:exec@trace -Dtrace=" + trace + ")");
      } else if (harness.config.trace != HarnessConfig.Mode.OFF) {
        context.tracing().stop();
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not attach the failure evidence: " + e.getMessage(), e);
    } finally {
      List<Path> videos = new ArrayList<>();
      if (harness.config.video != HarnessConfig.Mode.OFF) {
        context.pages().forEach(p -> {
          if (p.video() != null) {
            videos.add(p.video().path());
          }
        });
      }
      context.close();
      attachVideos(videos, failed);
      context = null;
    }
  }

  private Path evidencePath(String extension) throws IOException {
    return Files.createDirectories(Path.of("target", "traces")).resolve(safeName(scenario) + extension);
  }

  /** The console lists a failure's files at the end of the run. */
  private void keepForTheConsole(String what, Path file) {
    ScenarioRecords.keep(scenario.getUri(), scenario.getLine(), what, file);
  }

  private void attachVideos(List<Path> videos, boolean failed) {
    if (harness.config.video == HarnessConfig.Mode.ON || (failed && harness.config.video == HarnessConfig.Mode.RETAIN_ON_FAILURE)) {
      for (Path v : videos) {
        try {
          scenario.attach(Files.readAllBytes(v), "video/webm", "Video");
        } catch (IOException e) {
          throw new IllegalStateException("Could not attach the video " + v + ": " + e.getMessage(), e);
        }
      }
    }
  }

  static String safeName(Scenario scenario) {
    String uri = scenario.getUri().getPath();
    String file = uri.substring(uri.lastIndexOf('/') + 1).replace(".feature", "");
    return (file + "-" + scenario.getLine() + "-" + scenario.getName()).replaceAll("[^A-Za-z0-9._-]+", "_");
  }
}
