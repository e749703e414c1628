package com.linkwright.harness;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the Chromium to drive, in this order: the executable named in playwright.config (or -Dbrowser.executable);
 * a Chromium that Playwright manages; the system's Chromium. With none, installs one the way
 * {@code playwright install --with-deps} would: Playwright's own download where it can reach it, otherwise the
 * system package manager (apt-get, as root). Says what it found or ran; fails with the fix when all of that fails.
 */
public final class BrowserLocator {
  private static final String HEADLESS_SHELL = "chromium-headless-shell";
  private static final List<String> SYSTEM_NAMES = List.of("chromium", "chromium-browser", "google-chrome-stable", "google-chrome");

  public record Located(Path executable, String how) {}

  private final HarnessConfig config;
  private final java.util.Map<String, String> env;
  private final List<String> log = new ArrayList<>();

  public BrowserLocator(HarnessConfig config) {
    this(config, System.getenv());
  }

  /** With the environment to look in (PATH, PLAYWRIGHT_BROWSERS_PATH): tests give it an empty machine. */
  BrowserLocator(HarnessConfig config, java.util.Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  public Located locate() {
    if (!config.browserExecutable.isEmpty()) {
      Path p = Path.of(config.browserExecutable);
      if (!Files.isExecutable(p)) {
        throw new BrowserNotFoundException("browser.executable is '" + config.browserExecutable
            + "', which is not an executable file. Fix the path in " + config.source()
            + " (or -Dbrowser.executable=...), or leave it empty to find or install Chromium.");
      }
      return new Located(p, "named by browser.executable");
    }
    Optional<Located> found = findInstalled();
    if (found.isPresent()) {
      return found.get();
    }
    if (!config.browserInstall) {
      throw new BrowserNotFoundException("No Chromium found (looked in Playwright's browser folder "
          + playwrightBrowsers() + " and for " + String.join(", ", SYSTEM_NAMES) + " on the PATH), and browser.install=never. "
          + fix());
    }
    say("No Chromium found: installing one, the way 'playwright install --with-deps chromium' would.");
    if (run(List.of(javaBin(), "-cp", System.getProperty("java.class.path"), "com.microsoft.playwright.CLI", "install", "chromium"), 180, false)) {
      Optional<Located> downloaded = managedChromium();
      if (downloaded.isPresent()) {
        return new Located(downloaded.get().executable(), "downloaded by Playwright just now");
      }
    }
    if (isRoot() && onPath("apt-get").isPresent()) {
      List<String> env = List.of("env", "DEBIAN_FRONTEND=noninteractive");
      // both, as 'playwright install --with-deps chromium' downloads both; the shell alone may be missing from a repository
      List<String> both = List.of("chromium", HEADLESS_SHELL);
      List<String> installed = !run(concat(env, List.of("apt-get", "update")), 600, true) ? List.of()
          : config.headless && config.headlessShell && run(concat(env, concat(List.of("apt-get", "install", "-y"), both)), 900, true) ? both
          : run(concat(env, List.of("apt-get", "install", "-y", "chromium")), 900, true) ? List.of("chromium") : List.of();
      if (!installed.isEmpty()) {
        Optional<Located> system = systemChromium();
        if (system.isPresent()) {
          return new Located(system.get().executable(), "installed just now with apt-get install " + String.join(" ", installed));
        }
      }
    }
    throw new BrowserNotFoundException("No Chromium found and none could be installed (see the lines above). " + fix());
  }

  /**
   * Chromium's headless shell, which Playwright itself drives for headless Chromium (its {@code chromium-headless-shell}
   * download; Debian's {@code chromium-headless-shell} package): the same Chromium build without the browser's UI
   * layer, about a third cheaper a scenario here. It has no pop-up blocker, so the scenarios that prove the blocker
   * (tagged {@code @popup-blocker}) keep the full Chromium. Used only for a headless run that launches its own
   * Chromium and names none; installed like Chromium when missing (browser.install=auto). Empty when it cannot be
   * had: the run then drives the full Chromium throughout, and says so.
   */
  public Optional<Located> headlessShell() {
    if (!config.headless || !config.headlessShell || !config.browserExecutable.isEmpty()
        || !config.browserConnect.isEmpty() || !config.browserGrid.isEmpty()) {
      return Optional.empty();
    }
    Optional<Located> found = managedHeadlessShell().or(() -> onPath(HEADLESS_SHELL)
        .map(p -> new Located(p, "the system's Chromium headless shell (" + HEADLESS_SHELL + " on the PATH)")));
    if (found.isPresent() || !config.browserInstall) {
      return found;
    }
    // only where the package manager knows the package: a repository without it (or without package lists) would
    // otherwise cost every run an apt-get update that cannot help
    if (isRoot() && onPath("apt-get").isPresent() && aptKnows(HEADLESS_SHELL)) {
      say("No Chromium headless shell found (Playwright drives it for headless runs): installing it.");
      List<String> env = List.of("env", "DEBIAN_FRONTEND=noninteractive");
      List<String> install = concat(env, List.of("apt-get", "install", "-y", HEADLESS_SHELL));
      if (run(install, 900, true) || (run(concat(env, List.of("apt-get", "update")), 600, true) && run(install, 900, true))) {
        Optional<Path> shell = onPath(HEADLESS_SHELL);
        if (shell.isPresent()) {
          return Optional.of(new Located(shell.get(), "installed just now with apt-get install " + HEADLESS_SHELL));
        }
      }
    }
    say("No Chromium headless shell here: every scenario drives the full Chromium (slower, as reliable). Installing "
        + HEADLESS_SHELL + " (Debian) or Playwright's chromium-headless-shell makes headless runs about a third faster.");
    return Optional.empty();
  }

  /** Whether apt has a candidate for the package in its current lists (a quiet, local query). */
  private static boolean aptKnows(String pkg) {
    try {
      Process p = new ProcessBuilder("apt-cache", "show", "--no-all-versions", pkg).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Optional<Located> managedHeadlessShell() {
    return managed("chromium_headless_shell", List.of("chrome-headless-shell-linux64/chrome-headless-shell",
        "chrome-linux/headless_shell"), "Chromium's headless shell, managed by Playwright");
  }

  public List<String> log() {
    return List.copyOf(log);
  }

  private Optional<Located> findInstalled() {
    return managedChromium().or(this::systemChromium);
  }

  private Optional<Located> managedChromium() {
    return managed("chromium", List.of("chrome-linux64/chrome", "chrome-linux/chrome"), "managed by Playwright");
  }

  /** The newest of Playwright's downloads of one browser ({@code NAME-REVISION/} folders), at one of its layouts. */
  private Optional<Located> managed(String name, List<String> layouts, String how) {
    Path root = playwrightBrowsers();
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> d.getFileName().toString().matches(java.util.regex.Pattern.quote(name) + "-\\d+"))
          .sorted(Comparator.comparing((Path d) -> Integer.parseInt(d.getFileName().toString().substring(name.length() + 1))).reversed())
          .flatMap(d -> layouts.stream().map(d::resolve))
          .filter(Files::isExecutable)
          .findFirst()
          .map(p -> new Located(p, how + " (" + root + ")"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Optional<Located> systemChromium() {
    for (String name : SYSTEM_NAMES) {
      Optional<Path> p = onPath(name);
      if (p.isPresent()) {
        return Optional.of(new Located(p.get(), "the system's Chromium (" + name + " on the PATH)"));
      }
    }
    return Optional.empty();
  }

  private Path playwrightBrowsers() {
    String dir = env.get("PLAYWRIGHT_BROWSERS_PATH");
    if (dir != null && !dir.isBlank() && !"0".equals(dir)) {
      return Path.of(dir);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "ms-playwright");
  }

  private Optional<Path> onPath(String name) {
    String path = env.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Runs a command, echoing its output when asked (else only its last line on failure). */
  private boolean run(List<String> command, int timeoutSeconds, boolean echo) {
    say("$ " + String.join(" ", command.stream().map(c -> c.length() > 80 ? "<classpath>" : c).toList()));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String last = "";
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (!line.isBlank()) {
            last = line;
          }
          // apt and Playwright print progress; keep the console to the lines that matter
          if (echo && !line.startsWith("Get:") && !line.startsWith("Selecting") && !line.startsWith("Preparing")
              && !line.startsWith("Unpacking") && !line.startsWith("Setting up") && !line.contains("%")) {
            System.out.println("  | " + line);
          }
        }
      }
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        say("  gave up after " + timeoutSeconds + " s");
        return false;
      }
      if (p.exitValue() != 0) {
        say("  failed (exit " + p.exitValue() + "): " + last);
        return false;
      }
      return true;
    } catch (IOException e) {
      say("  could not run it: " + e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void say(String line) {
    log.add(line);
    System.out.println("[linkwright] " + line);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String fix() {
    return "To fix: install Chromium (Debian/Ubuntu: 'sudo apt-get install chromium'), or name one with "
        + "browser.executable in playwright.config or -Dbrowser.executable=/path/to/chromium.";
  }

  /** No browser to drive; the message says how to get one. */
  public static final class BrowserNotFoundException extends RuntimeException {
    public BrowserNotFoundException(String message) {
      super(message);
    }
  }
}
