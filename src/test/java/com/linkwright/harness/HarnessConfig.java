package com.linkwright.harness;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The run settings: playwright.config at the top of the project, each key overridable with -Dkey=value.
 * The one place that reads them. An unknown key or a bad value fails at once, naming the key and what it allows.
 */
public final class HarnessConfig {
  public enum Mode { OFF, ON, RETAIN_ON_FAILURE, ONLY_ON_FAILURE }

  /** Every key, with what it allows. Order is the order of the file. */
  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("use.baseURL", "empty (start the embedded app) or an http(s) URL");
    KEYS.put("use.headless", "true | false");
    KEYS.put("use.slowMo", "a whole number of milliseconds, 0 or more");
    KEYS.put("use.trace", "off | on | retain-on-failure");
    KEYS.put("use.trace.screenshots", "false | true");
    KEYS.put("use.screenshot", "off | on | only-on-failure");
    KEYS.put("use.video", "off | on | retain-on-failure");
    KEYS.put("timeout", "a whole number of milliseconds, 1 or more");
    KEYS.put("expect.timeout", "a whole number of milliseconds, 1 or more");
    KEYS.put("workers", "a whole number from 1 to 16");
    KEYS.put("retries", "a whole number from 0 to 5");
    KEYS.put("browser.executable", "empty (find or install Chromium) or the path of a Chromium executable");
    KEYS.put("browser.install", "auto | never");
    KEYS.put("browser.headlessShell", "auto | never");
    KEYS.put("console.logs", "false | true");
    KEYS.put("browser.connect", "empty (launch Chromium here) or the ws:// or wss:// URL of a Playwright browser server");
    KEYS.put("browser.grid", "empty (launch Chromium here) or the http(s):// URL of a Selenium Grid 4 hub");
    KEYS.put("shard", Shard.ALLOWED);
    KEYS.put("shard.durations", "the path of a durations file from an earlier run (a missing file: balance by count)");
  }

  /** Prefixes whose -D properties must be keys of ours: a misspelt -Duse.headles fails instead of being ignored. */
  private static final List<String> OUR_PREFIXES = List.of("use.", "expect.", "browser.", "console.");

  public final String baseUrl;
  public final boolean headless;
  public final int slowMo;
  public final Mode trace;
  /** The trace records a screencast (the trace viewer's filmstrip) besides its DOM snapshots of each action. */
  public final boolean traceScreenshots;
  public final Mode screenshot;
  public final Mode video;
  public final int timeout;
  public final int expectTimeout;
  public final int workers;
  public final int retries;
  public final String browserExecutable;
  public final boolean browserInstall;
  /** Headless runs drive Chromium's headless shell, as Playwright does, where one is found or installed. */
  public final boolean headlessShell;
  /** The app's and the stubs' log on the console too (it always goes to target/logs/). */
  public final boolean consoleLogs;
  /** A Playwright browser server to connect to instead of launching Chromium; empty when none. */
  public final String browserConnect;
  /** A Selenium Grid hub to run Chromium on instead of launching it here; empty when none. */
  public final String browserGrid;
  /** This machine's share of a sharded run; null when the run is not sharded. */
  public final Shard shard;
  public final Path shardDurations;
  private final Path source;

  private HarnessConfig(Path source, Map<String, String> v) {
    this.source = source;
    this.baseUrl = url(v, "use.baseURL");
    this.headless = bool(v, "use.headless");
    this.slowMo = integer(v, "use.slowMo", 0, 60_000);
    this.trace = mode(v, "use.trace", Set.of(Mode.OFF, Mode.ON, Mode.RETAIN_ON_FAILURE));
    this.traceScreenshots = bool(v, "use.trace.screenshots");
    this.screenshot = mode(v, "use.screenshot", Set.of(Mode.OFF, Mode.ON, Mode.ONLY_ON_FAILURE));
    this.video = mode(v, "use.video", Set.of(Mode.OFF, Mode.ON, Mode.RETAIN_ON_FAILURE));
    this.timeout = integer(v, "timeout", 1, 600_000);
    this.expectTimeout = integer(v, "expect.timeout", 1, 600_000);
    this.workers = integer(v, "workers", 1, 16);
    this.retries = integer(v, "retries", 0, 5);
    this.browserExecutable = v.getOrDefault("browser.executable", "").trim();
    this.browserInstall = switch (v.getOrDefault("browser.install", "auto").trim()) {
      case "auto" -> true;
      case "never" -> false;
      default -> throw bad("browser.install", v.get("browser.install"));
    };
    this.headlessShell = switch (v.getOrDefault("browser.headlessShell", "auto").trim()) {
      case "auto" -> true;
      case "never" -> false;
      default -> throw bad("browser.headlessShell", v.get("browser.headlessShell"));
    };
    this.consoleLogs = bool(v, "console.logs");
    this.browserConnect = remote(v, "browser.connect", "wss?");
    this.browserGrid = remote(v, "browser.grid", "https?");
    if (!browserConnect.isEmpty() && !browserGrid.isEmpty()) {
      throw new ConfigException("browser.connect and browser.grid are both set: choose one remote browser (leave the "
          + "other empty).");
    }
    try {
      this.shard = Shard.parse(v.get("shard"));
    } catch (IllegalArgumentException e) {
      throw bad("shard", v.get("shard"));
    }
    this.shardDurations = Path.of(v.get("shard.durations").trim());
  }

  /** Every key a -D property may set (a run that starts another JVM passes them on). */
  static Set<String> keys() {
    return KEYS.keySet();
  }

  /** playwright.config in the working folder, overridden by system properties. */
  public static HarnessConfig load() {
    return load(Path.of("playwright.config"), System.getProperties());
  }

  public static HarnessConfig load(Path file, Properties overrides) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("No " + file + " in " + Path.of("").toAbsolutePath()
          + ": run from the project's top folder (where pom.xml is).");
    }
    Properties fromFile = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      fromFile.load(r);
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
    }
    List<String> unknown = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : fromFile.stringPropertyNames()) {
      if (!KEYS.containsKey(key)) {
        unknown.add(key + " (in " + file + ")");
      }
      values.put(key, fromFile.getProperty(key));
    }
    for (String key : overrides.stringPropertyNames()) {
      if (KEYS.containsKey(key)) {
        values.put(key, overrides.getProperty(key));
      } else if (OUR_PREFIXES.stream().anyMatch(key::startsWith)) {
        unknown.add(key + " (from -D" + key + ")");
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException("Unknown setting " + String.join(", ", unknown) + ". Known keys: "
          + String.join(", ", new TreeSet<>(KEYS.keySet())) + ".");
    }
    List<String> missing = KEYS.keySet().stream().filter(k -> !values.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      throw new ConfigException(file + " lacks " + String.join(", ", missing) + ": every key must have a value there.");
    }
    return new HarnessConfig(file, values);
  }

  /**
   * Whether the console may colour its lines. Maven tells the test JVM whether it runs interactively (no -B) as
   * {@code linkwright.interactive}; outside Maven there is no way to know, so no colour. CI, NO_COLOR and a dumb
   * terminal turn colour off too.
   */
  public static boolean colourConsole(Properties system, Map<String, String> env) {
    boolean interactive = "true".equals(system.getProperty("linkwright.interactive"));
    String term = env.getOrDefault("TERM", "");
    return interactive && !env.containsKey("CI") && !env.containsKey("NO_COLOR") && !term.isEmpty() && !"dumb".equals(term);
  }

  public boolean embeddedApp() {
    return baseUrl.isEmpty();
  }

  public Path source() {
    return source;
  }

  private static String url(Map<String, String> v, String key) {
    String s = v.get(key).trim();
    if (!s.isEmpty() && !s.matches("https?://[^\\s/]+(/.*)?")) {
      throw bad(key, s);
    }
    return s.replaceAll("/+$", "");
  }

  private static String remote(Map<String, String> v, String key, String schemes) {
    String s = v.get(key).trim();
    if (!s.isEmpty() && !s.matches(schemes + "://[^\\s/]+(/\\S*)?")) {
      throw bad(key, s);
    }
    return s;
  }

  private static boolean bool(Map<String, String> v, String key) {
    return switch (v.get(key).trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(key, v.get(key));
    };
  }

  private static int integer(Map<String, String> v, String key, int min, int max) {
    try {
      int n = Integer.parseInt(v.get(key).trim());
      if (n < min || n > max) {
        throw bad(key, v.get(key));
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad(key, v.get(key));
    }
  }

  private static Mode mode(Map<String, String> v, String key, Set<Mode> allowed) {
    String s = v.get(key).trim();
    for (Mode m : allowed) {
      if (m.name().toLowerCase().replace('_', '-').equals(s)) {
        return m;
      }
    }
    throw bad(key, s);
  }

  private static ConfigException bad(String key, String value) {
    return new ConfigException("Bad value '" + value + "' for " + key + ": allowed " + KEYS.get(key) + ".");
  }

  /** A setting is wrong; the message names the key and the allowed values. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
