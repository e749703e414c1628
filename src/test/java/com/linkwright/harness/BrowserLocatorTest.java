package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Chromium build drives the scenarios of a headless run: the headless shell where it may, found as Playwright lays it out or on the PATH. */
class BrowserLocatorTest {

  @Test
  void aHeadlessRunDrivesTheShellOnThePath(@TempDir Path machine) throws IOException {
    Path shell = executable(machine.resolve("bin/chromium-headless-shell"));
    assertThat(locator(machine, Map.of()).headlessShell()).hasValueSatisfying(found -> {
      assertThat(found.executable()).isEqualTo(shell);
      assertThat(found.how()).contains("chromium-headless-shell on the PATH");
    });
  }

  @Test
  void playwrightsOwnShellComesFirstTheNewestOfThem(@TempDir Path machine) throws IOException {
    executable(machine.resolve("bin/chromium-headless-shell"));
    executable(machine.resolve("browsers/chromium_headless_shell-1169/chrome-linux/headless_shell"));
    Path newest = executable(machine.resolve("browsers/chromium_headless_shell-1200/chrome-headless-shell-linux64/chrome-headless-shell"));
    assertThat(locator(machine, Map.of()).headlessShell()).hasValueSatisfying(found -> {
      assertThat(found.executable()).isEqualTo(newest);
      assertThat(found.how()).contains("managed by Playwright");
    });
  }

  @Test
  void playwrightsOwnChromiumIsTheNewestChromiumFolderNotTheShellsFolder(@TempDir Path machine) throws IOException {
    executable(machine.resolve("browsers/chromium-1169/chrome-linux/chrome"));
    Path newest = executable(machine.resolve("browsers/chromium-1200/chrome-linux64/chrome"));
    executable(machine.resolve("browsers/chromium_headless_shell-1300/chrome-linux/headless_shell"));
    assertThat(locator(machine, Map.of()).locate()).satisfies(found -> {
      assertThat(found.executable()).isEqualTo(newest);
      assertThat(found.how()).startsWith("managed by Playwright");
    });
  }

  @Test
  void theFullChromiumDrivesAHeadedRunANamedBrowserOrWhenTheShellIsTurnedOff(@TempDir Path machine) throws IOException {
    executable(machine.resolve("bin/chromium-headless-shell"));
    Path named = executable(machine.resolve("bin/chromium"));
    assertThat(locator(machine, Map.of("use.headless", "false")).headlessShell()).as("headed").isEmpty();
    assertThat(locator(machine, Map.of("browser.headlessShell", "never")).headlessShell()).as("turned off").isEmpty();
    assertThat(locator(machine, Map.of("browser.executable", named.toString())).headlessShell()).as("named").isEmpty();
    assertThat(locator(machine, Map.of("browser.connect", "ws://127.0.0.1:9/")).headlessShell()).as("remote").isEmpty();
  }

  @Test
  void noShellAndNoInstallMeansTheFullChromium(@TempDir Path machine) {
    assertThat(locator(machine, Map.of()).headlessShell()).isEmpty();
  }

  private static BrowserLocator locator(Path machine, Map<String, String> settings) {
    Properties p = new Properties();
    // never apt-get from a unit test
    p.setProperty("browser.install", "never");
    p.setProperty("use.headless", "true");
    p.setProperty("browser.headlessShell", "auto");
    p.putAll(settings);
    HarnessConfig config = HarnessConfig.load(Path.of("playwright.config"), p);
    return new BrowserLocator(config, Map.of("PATH", machine.resolve("bin").toString(),
        "PLAYWRIGHT_BROWSERS_PATH", machine.resolve("browsers").toString()));
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
