package com.linkwright.harness.console;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the console needs to know about a scenario that JUnit's events do not carry: its own name, the step that
 * failed, the snippets of undefined steps, and the files its failure left behind. Written by Cucumber's side
 * ({@link ScenarioFacts}) and by the scenario's browser session, read by {@link RunConsole}; a scenario is known by
 * its feature file and line, which both sides see.
 */
public final class ScenarioRecords {
  private static final Map<String, Scenario> BY_PLACE = new ConcurrentHashMap<>();

  private ScenarioRecords() {}

  /** One scenario's facts; a rerun starts a fresh one. */
  public static final class Scenario {
    final String name;
    private volatile String failedStep;
    private final List<String> snippets = new ArrayList<>();
    private final Map<String, Path> evidence = new LinkedHashMap<>();

    Scenario(String name) {
      this.name = name;
    }

    synchronized void failedAt(String step) {
      if (failedStep == null) {
        failedStep = step;
      }
    }

    Optional<String> failedStep() {
      return Optional.ofNullable(failedStep);
    }

    synchronized void snippet(String s) {
      if (!snippets.contains(s)) {
        snippets.add(s);
      }
    }

    synchronized List<String> snippets() {
      return List.copyOf(snippets);
    }

    synchronized void keep(String what, Path where) {
      evidence.put(what, where);
    }

    synchronized Map<String, Path> evidence() {
      return new LinkedHashMap<>(evidence);
    }
  }

  /** A scenario (or its rerun) begins: fresh facts, but Cucumber suggests snippets before it starts a scenario. */
  static void started(URI feature, int line, String name) {
    BY_PLACE.compute(place(feature, line), (k, before) -> {
      Scenario fresh = new Scenario(name);
      if (before != null) {
        before.snippets().forEach(fresh::snippet);
      }
      return fresh;
    });
  }

  static void snippet(URI feature, int line, String snippet) {
    BY_PLACE.computeIfAbsent(place(feature, line), k -> new Scenario(null)).snippet(snippet);
  }

  static Optional<Scenario> of(URI feature, int line) {
    return Optional.ofNullable(BY_PLACE.get(place(feature, line)));
  }

  /**
   * A file the scenario's failure left behind (its trace, its page's HTML), named for the console's list of failures.
   */
  public static void keep(URI feature, int line, String what, Path where) {
    of(feature, line).ifPresent(s -> s.keep(what, where));
  }

  private static String place(URI feature, int line) {
    String where = "file".equals(feature.getScheme()) ? Path.of(feature).toAbsolutePath().normalize().toString() : feature.toString();
    return where + ":" + line;
  }
}
