package com.linkwright.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a run drove, written once for the report's Environment panel: browser and version, app, workers, retries.
 * The report builder adds the commit and the OS.
 */
final class RunEnvironment {
  private static final Path FILE = Path.of("target", "linkwright-run.properties");
  private boolean recorded;

  synchronized void recordOnce(Harness harness, String browserVersion) {
    if (recorded) {
      return;
    }
    recorded = true;
    Properties p = new Properties();
    p.setProperty("Browser", "Chromium " + browserVersion);
    p.setProperty("Browser.executable", harness.headlessShell.map(shell -> shell.executable() + " (" + shell.how()
        + "), and for @popup-blocker ").orElse("") + harness.browser.executable() + " (" + harness.browser.how() + ")");
    p.setProperty("Headless", String.valueOf(harness.config.headless));
    p.setProperty("App.URL", harness.appUrl + (harness.config.embeddedApp() ? " (embedded reference app)" : " (external)"));
    p.setProperty("Stubbed.Instagram", harness.instagramUrl().toString());
    p.setProperty("Workers", String.valueOf(harness.config.workers));
    p.setProperty("Retries", String.valueOf(harness.config.retries));
    try {
      Files.createDirectories(FILE.getParent());
      try (var out = Files.newBufferedWriter(FILE)) {
        p.store(out, "Linkwright run");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + FILE, e);
    }
  }
}
