package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the harness tells a remote end, in the formats Playwright's server and Selenium's Grid read, and what it says
 * when the remote end is wrong. (Against a real server and Grid: PlaywrightServerIT, -Pbrowser-server, -Pselenium-grid.)
 */
class BrowserProviderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HarnessConfig config(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return HarnessConfig.load(Path.of("playwright.config"), p);
  }

  @Test
  void theLaunchOptionsTravelAsPlaywrightTestSendsThemAsciiOnly() throws Exception {
    String header = BrowserProvider.launchOptionsHeader(config("browser.connect", "ws://farm:3000/",
        "browser.executable", "/opt/chrömium/chrome"), true);
    assertThat(header).isASCII().contains("chr\\u00F6mium");
    JsonNode options = JSON.readTree(header);
    assertThat(options.path("headless").asBoolean()).isTrue();
    assertThat(options.path("ignoreDefaultArgs")).extracting(JsonNode::asText).containsExactly("--disable-popup-blocking");
    assertThat(options.path("args")).extracting(JsonNode::asText).containsExactlyElementsOf(BrowserProvider.ARGS);
    assertThat(options.path("executablePath").asText()).isEqualTo("/opt/chrömium/chrome");
    // the other side of PopupBlockerIT's comparison: Playwright's defaults, blocker off; no executable: the server's own
    JsonNode unblocked = JSON.readTree(BrowserProvider.launchOptionsHeader(config("browser.connect", "ws://farm:3000/"), false));
    assertThat(unblocked.has("ignoreDefaultArgs")).isFalse();
    assertThat(unblocked.has("executablePath")).isFalse();
  }

  @Test
  void theGridIsAskedForChromiumWithTheBlockerOnAndTheRunsArguments() throws Exception {
    // a path on the Grid's node, not on this machine: passed on as it is written
    String nodesChromium = "grid-node-chromium";
    JsonNode caps = JSON.readTree(BrowserProvider.gridCapabilities(config("browser.grid", "http://grid:4444",
        "browser.executable", nodesChromium), true));
    assertThat(caps.path("browserName").asText()).isEqualTo("chrome");
    JsonNode chrome = caps.path("goog:chromeOptions");
    List<String> args = JSON.convertValue(chrome.path("args"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    assertThat(args).containsAll(BrowserProvider.ARGS).contains("--headless", "--remote-debugging-port=0")
        .doesNotContain("--disable-popup-blocking");
    assertThat(chrome.path("excludeSwitches")).extracting(JsonNode::asText).containsExactly("disable-popup-blocking");
    assertThat(chrome.path("binary").asText()).isEqualTo(nodesChromium);
  }

  @Test
  void aServerOfAnotherVersionIsNamedWithBothVersionsOnce() {
    String box = """
        browserType.connect: WebSocket error: 428 Precondition Required
        ╔════════════════════════════════════════╗
        ║ Playwright version mismatch:           ║
        ║   - server version: v1.62              ║
        ║   - client version: v1.50              ║
        ╚════════════════════════════════════════╝
        ║   - server version: v1.62              ║
        """;
    assertThat(BrowserProvider.connectFailure("ws://farm:3000/", box)).startsWith("The Playwright browser server at "
        + "ws://farm:3000/ runs another Playwright than this project (server version: v1.62, client version: v1.50): "
        + "start one of the same version from this project: ./mvnw -q test-compile exec:java@browser-server");
  }

  @Test
  void aServerWithoutChromiumAndAnAddressNobodyAnswersAreNamedWithTheFix() {
    assertThat(BrowserProvider.connectFailure("ws://farm:3000/", "browserType.connect: Executable doesn't exist at "
        + "/root/.cache/ms-playwright/chromium_headless_shell-1234/chrome-headless-shell"))
        .contains("could not start Chromium: browserType.connect: Executable doesn't exist at")
        .contains("npx playwright@" + BrowserProvider.playwrightVersion() + " install chromium")
        .contains("start the server with --unsafe and name one with -Dbrowser.executable=");
    assertThat(BrowserProvider.connectFailure("ws://farm:3000/", "connect ECONNREFUSED 127.0.0.1:3000\nCall log: ..."))
        .isEqualTo("No Playwright browser server answers at ws://farm:3000/ (connect ECONNREFUSED 127.0.0.1:3000): start "
            + "one of the same version from this project: ./mvnw -q test-compile exec:java@browser-server (it prints "
            + "the ws:// address), or fix browser.connect.");
  }

  @Test
  void aRemoteBrowserIsOneAddressOfItsKind() {
    assertThat(config("browser.connect", "wss://farm.example:443/pw?token=x").browserConnect).isEqualTo("wss://farm.example:443/pw?token=x");
    assertThatThrownBy(() -> config("browser.connect", "http://farm:3000/")).hasMessageStartingWith("Bad value 'http://farm:3000/' for browser.connect");
    assertThatThrownBy(() -> config("browser.grid", "ws://grid:4444")).hasMessageStartingWith("Bad value 'ws://grid:4444' for browser.grid");
    assertThatThrownBy(() -> config("browser.connect", "ws://farm:3000/", "browser.grid", "http://grid:4444"))
        .hasMessageContaining("browser.connect and browser.grid are both set: choose one");
    // remote: the executable is a path on the other machine, not looked for here
    assertThat(BrowserProvider.locate(config("browser.connect", "ws://farm:3000/", "browser.executable", "/not/here/chrome")).how())
        .isEqualTo("on the Playwright browser server at ws://farm:3000/, /not/here/chrome there");
  }
}
