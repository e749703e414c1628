package com.linkwright.harness;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the scenarios' Chromium runs: launched here (the default), on a Playwright browser server
 * ({@code browser.connect}, Playwright's {@code BrowserType.connect}) or on a Selenium Grid 4 hub ({@code browser.grid},
 * Playwright's Selenium Grid support: its driver's SELENIUM_REMOTE_URL and SELENIUM_REMOTE_CAPABILITIES). Every way
 * gets the same launch options, Chromium's own pop-up blocker left on among them; {@link PopupBlocker} checks that it
 * is, since a remote end may drop options.
 */
final class BrowserProvider {
  /** Playwright's default switch that turns Chromium's pop-up blocker off; the scenarios need the blocker on. */
  static final String POPUP_BLOCKING_OFF = "--disable-popup-blocking";
  /** This machine has no internet: stop Chromium from trying to reach Google's services. */
  static final List<String> ARGS = List.of("--disable-quic", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-gpu");
  /** The scenarios' loopback (the app and the stubs on 127.0.0.1) reached through the client, from a remote browser. */
  static final String EXPOSED_NETWORK = "<loopback>";
  private static final ObjectMapper ASCII_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private BrowserProvider() {}

  /** The Chromium the run drives: found (or installed) here, or a remote one, named for the run's log. */
  static BrowserLocator.Located locate(HarnessConfig config) {
    if (!config.browserConnect.isEmpty()) {
      return new BrowserLocator.Located(Path.of(config.browserExecutable),
          "on the Playwright browser server at " + config.browserConnect + serverExecutable(config));
    }
    if (!config.browserGrid.isEmpty()) {
      return new BrowserLocator.Located(Path.of(config.browserExecutable),
          "on the Selenium Grid at " + config.browserGrid + serverExecutable(config));
    }
    return new BrowserLocator(config).locate();
  }

  private static String serverExecutable(HarnessConfig config) {
    return config.browserExecutable.isEmpty() ? ", its own Chromium" : ", " + config.browserExecutable + " there";
  }

  /** Playwright's driver environment: no browser downloads here; for a Grid, where it is and what to start there. */
  static Playwright.CreateOptions createOptions(HarnessConfig config) {
    Map<String, String> env = new HashMap<>();
    env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    if (!config.browserGrid.isEmpty()) {
      env.put("SELENIUM_REMOTE_URL", config.browserGrid);
      env.put("SELENIUM_REMOTE_CAPABILITIES", gridCapabilities(config, true));
    }
    return new Playwright.CreateOptions().setEnv(env);
  }

  /** The run's Chromium, pop-up blocker on. */
  static Browser open(Playwright playwright, BrowserLocator.Located chromium, HarnessConfig config) {
    if (!config.browserConnect.isEmpty()) {
      return connect(playwright, config, true);
    }
    try {
      return playwright.chromium().launch(launchOptions(chromium, config));
    } catch (PlaywrightException e) {
      if (!config.browserGrid.isEmpty()) {
        throw new IllegalStateException("Chromium did not start on the Selenium Grid at " + config.browserGrid + ": "
            + firstLine(e) + ". Is a Grid 4 hub there, with a Chromium node (chromedriver)? Fix browser.grid.", e);
      }
      throw new IllegalStateException("Chromium at " + chromium.executable() + " (" + chromium.how()
          + ") did not start: " + firstLine(e) + ". Name another with -Dbrowser.executable=...", e);
    }
  }

  /**
   * The same Chromium with Playwright's default switches, --disable-popup-blocking among them: the other side of
   * PopupBlockerIT's comparison. On a Playwright server, there; otherwise here. For a Grid, here too, and not through
   * launch(): every Playwright driver of this JVM starts with the first one's environment (playwright-java keeps it),
   * so a launch would go to the Grid with the run's capabilities; the node's Chromium build is started here and
   * driven over CDP instead.
   */
  static Unblocked openWithoutBlocker(Playwright playwright, BrowserLocator.Located chromium, HarnessConfig config) {
    if (!config.browserConnect.isEmpty()) {
      return new Unblocked(connect(playwright, config, false), null);
    }
    if (!config.browserGrid.isEmpty()) {
      return startedHereOverCdp(playwright, new BrowserLocator(config).locate().executable());
    }
    return new Unblocked(playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS)
        .setExecutablePath(chromium.executable())), null);
  }

  private static Unblocked startedHereOverCdp(Playwright playwright, Path executable) {
    try {
      Path profile = java.nio.file.Files.createTempDirectory("linkwright-unblocked-");
      // as Playwright launches it: no sandbox (it cannot run as root with one)
      List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--remote-debugging-port=0",
          "--user-data-dir=" + profile, POPUP_BLOCKING_OFF));
      command.addAll(ARGS);
      command.add("about:blank");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String endpoint = BrowserServer.awaitLine(process, "DevTools listening on ", "Chromium for the comparison")
          .replaceFirst("^.*DevTools listening on ", "").trim();
      BrowserServer.keepUntilMavenEnds(process);
      return new Unblocked(playwright.chromium().connectOverCDP(endpoint), process);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A Chromium with its pop-up blocker off, and the process it needed of its own, if any: closed together. */
  record Unblocked(Browser browser, Process ownChromium) implements AutoCloseable {
    @Override
    public void close() {
      browser.close();
      if (ownChromium != null) {
        ownChromium.destroy();
      }
    }
  }

  static BrowserType.LaunchOptions launchOptions(BrowserLocator.Located chromium, HarnessConfig config) {
    BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
        .setHeadless(config.headless)
        .setSlowMo(config.slowMo)
        // Keep Chromium's own pop-up blocker on, as in a user's browser: a window.open without a user gesture is
        // blocked by the browser itself, which is what the pop-up scenarios rely on.
        .setIgnoreDefaultArgs(List.of(POPUP_BLOCKING_OFF))
        .setArgs(ARGS);
    // on a Grid the node's Chromium is named in the capabilities (goog:chromeOptions.binary), if at all
    return config.browserGrid.isEmpty() ? options.setExecutablePath(chromium.executable()) : options;
  }

  /**
   * Connects the way Playwright Test does ({@code connectOptions}): the launch options travel as JSON (ASCII only: an
   * HTTP header) in {@code x-playwright-launch-options}, which {@code playwright run-server} reads. A stock server
   * keeps only the safe ones (headless, slowMo, timeout, channel, proxy): the arguments, ignoreDefaultArgs and the
   * executable path only with {@code --unsafe}. The browser reaches the app and the stubs on this machine's loopback
   * through the connection ({@code exposeNetwork}), wherever it runs.
   */
  private static Browser connect(Playwright playwright, HarnessConfig config, boolean popupBlockerOn) {
    try {
      return playwright.chromium().connect(config.browserConnect, new BrowserType.ConnectOptions()
          .setExposeNetwork(EXPOSED_NETWORK)
          .setHeaders(Map.of("x-playwright-launch-options", launchOptionsHeader(config, popupBlockerOn)))
          .setSlowMo(config.slowMo)
          .setTimeout(Math.max(30_000, config.timeout)));
    } catch (PlaywrightException e) {
      throw new IllegalStateException(connectFailure(config.browserConnect, e.getMessage()), e);
    }
  }

  static String launchOptionsHeader(HarnessConfig config, boolean popupBlockerOn) {
    ObjectNode options = ASCII_JSON.createObjectNode();
    options.put("headless", config.headless);
    ArrayNode args = options.putArray("args");
    ARGS.forEach(args::add);
    if (popupBlockerOn) {
      options.putArray("ignoreDefaultArgs").add(POPUP_BLOCKING_OFF);
    }
    if (!config.browserExecutable.isEmpty()) {
      options.put("executablePath", config.browserExecutable);
    }
    try {
      return ASCII_JSON.writeValueAsString(options);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What went wrong connecting, in words, with what to do. */
  static String connectFailure(String endpoint, String error) {
    String why = error == null ? "" : error;
    String start = "start one of the same version from this project: ./mvnw -q test-compile exec:java@browser-server";
    if (why.contains("version mismatch")) {
      String versions = why.lines().map(l -> l.replaceAll("[║╔╗╚╝═|]", "").trim())
          .filter(l -> l.startsWith("- server version") || l.startsWith("- client version")).map(l -> l.substring(2))
          .distinct().reduce((a, b) -> a + ", " + b).orElse("another version");
      return "The Playwright browser server at " + endpoint + " runs another Playwright than this project (" + versions
          + "): " + start + ", or npx playwright@" + playwrightVersion() + " run-server.";
    }
    if (why.contains("Executable doesn't exist") || why.contains("Failed to launch")) {
      return "The Playwright browser server at " + endpoint + " could not start Chromium: " + why.lines()
          .filter(l -> l.contains("Executable") || l.contains("Failed")).findFirst().orElse(why).trim()
          + ". Install Playwright's Chromium there (npx playwright@" + playwrightVersion() + " install chromium), or "
          + "start the server with --unsafe and name one with -Dbrowser.executable=/its/path/on/the/server.";
    }
    return "No Playwright browser server answers at " + endpoint + " (" + why.lines().findFirst().orElse("").trim()
        + "): " + start + " (it prints the ws:// address), or fix browser.connect.";
  }

  /** This project's Playwright, from its jar's name (playwright-1.62.0.jar). */
  static String playwrightVersion() {
    String jar = Path.of(Playwright.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
    return jar.replaceFirst("^playwright-", "").replaceFirst("\\.jar$", "");
  }

  /**
   * What Playwright asks the Grid for. Playwright hands the Grid its own default switches, --disable-popup-blocking
   * among them, and applies no ignoreDefaultArgs there; its SELENIUM_REMOTE_CAPABILITIES replace them key by key, so
   * these goog:chromeOptions are the whole launch: the run's arguments and headless mode, no switch that turns the
   * blocker off, and chromedriver's own --disable-popup-blocking excluded.
   */
  static String gridCapabilities(HarnessConfig config, boolean popupBlockerOn) {
    ObjectNode caps = ASCII_JSON.createObjectNode();
    caps.put("browserName", "chrome");
    ObjectNode chrome = caps.putObject("goog:chromeOptions");
    List<String> args = new ArrayList<>(ARGS);
    if (config.headless) {
      args.addAll(List.of("--headless", "--hide-scrollbars", "--mute-audio"));
    }
    // what Playwright itself adds for a Grid: the CDP connection it drives the browser over, no sandbox (as it launches)
    args.addAll(List.of("--remote-debugging-port=0", "--no-sandbox"));
    ArrayNode argList = chrome.putArray("args");
    args.forEach(argList::add);
    if (popupBlockerOn) {
      chrome.putArray("excludeSwitches").add(POPUP_BLOCKING_OFF.substring(2));
    }
    if (!config.browserExecutable.isEmpty()) {
      chrome.put("binary", config.browserExecutable);
    }
    return caps.toString();
  }

  private static String firstLine(PlaywrightException e) {
    return e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
  }
}
