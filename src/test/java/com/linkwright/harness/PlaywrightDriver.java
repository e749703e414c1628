package com.linkwright.harness;

import com.microsoft.playwright.impl.driver.jar.DriverJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Playwright's driver (Node and its package), unpacked once into target/ and reused by later runs. Left alone,
 * Playwright unpacks it from its jar into a new temporary folder in every JVM: some 140 MB, seconds of every run.
 * Uses Playwright's own installer ({@code DriverJar.installDriverTo}) and its {@code playwright.cli.dir} switch.
 */
final class PlaywrightDriver {
  private static final String CLI_DIR = "playwright.cli.dir";
  private static boolean installed;

  private PlaywrightDriver() {}

  /** Points Playwright at the unpacked driver, unpacking it first if this version is not there yet. */
  static synchronized void install() {
    if (installed || System.getProperty(CLI_DIR) != null) {
      installed = true;
      return;
    }
    Path dir = Path.of("target", "playwright-driver", version()).toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("package").resolve("cli.js"))) {
      unpack(dir);
    }
    System.setProperty(CLI_DIR, dir.toString());
    installed = true;
  }

  /** Unpacks into a fresh folder beside the target, then renames it: a run that stops halfway leaves no half driver. */
  private static void unpack(Path dir) {
    try {
      Files.createDirectories(dir.getParent());
      Path fresh = Files.createTempDirectory(dir.getParent(), "unpacking-");
      DriverJar.installDriverTo(fresh);
      try {
        Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isRegularFile(dir.resolve("package").resolve("cli.js"))) {
          throw e;
        }
        // another JVM unpacked it meanwhile: use theirs
        deleteTree(fresh);
      }
    } catch (IOException | URISyntaxException e) {
      throw new UncheckedIOException("Could not unpack Playwright's driver into " + dir + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** The driver jar's name (driver-1.62.0): a new Playwright version unpacks beside the old one. */
  private static String version() {
    String jar = Path.of(DriverJar.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
    return jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : "driver";
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
