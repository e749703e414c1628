package com.linkwright.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;

/** How long each part of the start took (the parts overlap), written for the run summary's phase line. */
final class StartTimes {
  private final Properties seconds = new Properties();

  <T> T time(String part, Supplier<T> work) {
    long t0 = System.nanoTime();
    T result = work.get();
    record(part, System.nanoTime() - t0);
    return result;
  }

  /** The longest of several (each worker times its own Playwright and Chromium). */
  synchronized void record(String part, long nanos) {
    double s = nanos / 1e9;
    double before = Double.parseDouble(seconds.getProperty(part, "0"));
    seconds.setProperty(part, String.format(java.util.Locale.ROOT, "%.2f", Math.max(before, s)));
  }

  synchronized void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      try (var out = Files.newBufferedWriter(file)) {
        seconds.store(out, "seconds each part of the harness start took (they run side by side)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
