package com.linkwright.deliberate;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Steps that fail on purpose, for the flake policy's proof (deliberate/flake). An attempt is remembered in a file
 * under target/, so that a rerun (in the same JVM or another) knows it is not the first.
 */
public class FlakeSteps {
  private static final Path ATTEMPTS = Path.of("target", "deliberate-flake");
  private String scenario;

  @Before
  public void remember(Scenario scenario) {
    this.scenario = scenario.getName().replaceAll("[^A-Za-z0-9]+", "_");
  }

  @Given("a step that fails on every attempt")
  public void failsEveryTime() {
    throw new AssertionError("Deliberately failing, on every attempt (attempt " + attempt() + ")");
  }

  @Given("a step that fails on its first attempt only")
  public void failsOnce() {
    int attempt = attempt();
    if (attempt == 1) {
      throw new AssertionError("Deliberately failing on the first attempt only");
    }
  }

  /** Counts this attempt of the scenario; 1 for the first. */
  private int attempt() {
    try {
      Files.createDirectories(ATTEMPTS);
      Path file = ATTEMPTS.resolve(scenario);
      int attempt = Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) + 1 : 1;
      Files.writeString(file, Integer.toString(attempt));
      return attempt;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
