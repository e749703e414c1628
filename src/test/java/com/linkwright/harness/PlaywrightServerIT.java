package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Playwright browser server, for real (-Pbrowser-server, which starts one for the run in a network namespace of
 * its own and hands its address over as browser.connect): the scenarios' browser reaches the app only through
 * exposeNetwork; a stock server (no --unsafe) keeps only the safe launch options, and the run finds the pop-up blocker
 * off instead of trusting it; a server of another version and an endpoint nobody answers are named with the fix.
 */
@ExtendWith(SharedHarness.class)
class PlaywrightServerIT {

  @Test
  void theServersBrowserHasALoopbackOfItsOwnAndReachesTheAppOnlyThroughExposeNetwork(Harness harness) {
    assertThat(harness.config.browserConnect).as("browser.connect (set by -Pbrowser-server)").startsWith("ws://");
    try (Playwright playwright = Playwright.create(BrowserProvider.createOptions(harness.config))) {
      String header = BrowserProvider.launchOptionsHeader(harness.config, true);
      try (Browser direct = playwright.chromium().connect(harness.config.browserConnect,
          new BrowserType.ConnectOptions().setHeaders(Map.of("x-playwright-launch-options", header)))) {
        Page page = direct.newPage();
        assertThatThrownBy(() -> page.navigate(harness.appUrl.toString()))
            .isInstanceOf(PlaywrightException.class).hasMessageContaining("ERR_CONNECTION_REFUSED");
      }
      try (Browser exposed = playwright.chromium().connect(harness.config.browserConnect, new BrowserType.ConnectOptions()
          .setExposeNetwork(BrowserProvider.EXPOSED_NETWORK).setHeaders(Map.of("x-playwright-launch-options", header)))) {
        Page page = exposed.newPage();
        page.navigate(harness.appUrl.toString());
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open my dashboard"))).isVisible();
      }
    }
  }

  @Test
  void theProjectsServerKeepsTheBlockerOnAndAStockServerDropsTheOptionsThatDoSo(Harness harness, @TempDir Path dir)
      throws IOException {
    PlaywrightWorker worker = harness.borrowBrowser();
    try {
      assertThat(PopupBlocker.isOn(worker.browser())).as("the pop-up blocker on the project's server (--unsafe)").isTrue();
    } finally {
      harness.giveBack(worker);
    }
    try (BrowserServer.Started stock = BrowserServer.startStock(playwrightsLayout(dir, harness.browser.executable()));
         Playwright playwright = Playwright.create(BrowserProvider.createOptions(harness.config))) {
      HarnessConfig onStock = config("browser.connect", stock.endpoint(), "browser.executable", "/nowhere/chromium");
      // the executable named is dropped too: the stock server launches its own, or this would not start
      try (Browser browser = BrowserProvider.open(playwright, BrowserProvider.locate(onStock), onStock)) {
        assertThat(PopupBlocker.isOn(browser)).as("the pop-up blocker on a stock server").isFalse();
      }
      assertThat(PopupBlocker.untrusted(onStock)).contains("dropped the launch option that keeps it on (ignoreDefaultArgs)")
          .contains("cannot be trusted here, so it fails instead of passing");
    }
  }

  @Test
  void aServerOfAnotherPlaywrightIsNamedWithTheFix(Harness harness) {
    try (Playwright playwright = Playwright.create(BrowserProvider.createOptions(harness.config))) {
      // what a server of this version tells a client of another (1.50), the other way round
      PlaywrightException e = org.junit.jupiter.api.Assertions.assertThrows(PlaywrightException.class, () -> playwright.chromium()
          .connect(harness.config.browserConnect, new BrowserType.ConnectOptions().setHeaders(Map.of("User-Agent",
              "Playwright/1.50.0 (x64; debian 12) java/17"))));
      assertThat(BrowserProvider.connectFailure(harness.config.browserConnect, e.getMessage()))
          .startsWith("The Playwright browser server at " + harness.config.browserConnect + " runs another Playwright than "
              + "this project (server version: v1.62, client version: v1.50)")
          .contains("./mvnw -q test-compile exec:java@browser-server");
    }
  }

  @Test
  void anEndpointNobodyAnswersIsNamedWithTheFix() {
    String nobody = "ws://127.0.0.1:" + BrowserServer.freePort() + "/";
    HarnessConfig config = config("browser.connect", nobody);
    try (Playwright playwright = Playwright.create(BrowserProvider.createOptions(config))) {
      assertThatThrownBy(() -> BrowserProvider.open(playwright, BrowserProvider.locate(config), config))
          .hasMessageStartingWith("No Playwright browser server answers at " + nobody)
          .hasMessageContaining("./mvnw -q test-compile exec:java@browser-server");
    }
  }

  /** Chromium where `playwright install chromium` puts Playwright's own (the build this version expects). */
  private static Path playwrightsLayout(Path dir, Path chromium) throws IOException {
    Path shell = dir.resolve("chromium_headless_shell-1234").resolve("chrome-headless-shell-linux64");
    Path full = dir.resolve("chromium-1234").resolve("chrome-linux64");
    Files.createDirectories(shell);
    Files.createDirectories(full);
    Files.createSymbolicLink(shell.resolve("chrome-headless-shell"), chromium);
    Files.createSymbolicLink(full.resolve("chrome"), chromium);
    return dir;
  }

  private static HarnessConfig config(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return HarnessConfig.load(Path.of("playwright.config"), p);
  }
}
