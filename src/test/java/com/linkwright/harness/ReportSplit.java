package com.linkwright.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One run's Allure results, parted in two folders: the linking scenarios (the report people read first) and the
 * project's own JUnit tests (a report of their own). Each result goes with its containers (the hooks and fixtures
 * around it) and its attachments. Files are linked, not copied, where the file system allows.
 */
final class ReportSplit {
  private ReportSplit() {}

  /** The two folders and how many results went into each. */
  record Parts(Path scenarios, int scenarioResults, Path selfTests, int selfTestResults) {}

  static Parts split(Path results, Path into) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path scenarios = fresh(into.resolve("scenarios"));
    Path selfTests = fresh(into.resolve("self-tests"));
    Set<String> scenarioIds = new HashSet<>();
    Set<String> selfTestIds = new HashSet<>();
    List<Path> containers = new ArrayList<>();
    int scenarioCount = 0;
    int selfTestCount = 0;
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith("-container.json")) {
          containers.add(f);
        } else if (name.endsWith("-result.json")) {
          JsonNode r = json.readTree(f.toFile());
          boolean scenario = RunSummary.isScenario(r);
          Path to = scenario ? scenarios : selfTests;
          (scenario ? scenarioIds : selfTestIds).add(r.path("uuid").asText());
          link(f, to);
          linkAttachments(r, results, to);
          if (scenario) {
            scenarioCount++;
          } else {
            selfTestCount++;
          }
        }
      }
    }
    for (Path c : containers) {
      JsonNode container = json.readTree(c.toFile());
      boolean ofScenarios = false;
      boolean ofSelfTests = false;
      for (JsonNode child : container.path("children")) {
        ofScenarios |= scenarioIds.contains(child.asText());
        ofSelfTests |= selfTestIds.contains(child.asText());
      }
      for (Path to : ofScenarios && ofSelfTests ? List.of(scenarios, selfTests)
          : ofScenarios ? List.of(scenarios) : ofSelfTests ? List.of(selfTests) : List.<Path>of()) {
        link(c, to);
        linkAttachments(container, results, to);
      }
    }
    return new Parts(scenarios, scenarioCount, selfTests, selfTestCount);
  }

  /** Every attachment a result or container names, in its steps and fixtures too. */
  private static void linkAttachments(JsonNode node, Path results, Path to) throws IOException {
    if (node.isObject()) {
      for (JsonNode a : node.path("attachments")) {
        Path file = results.resolve(a.path("source").asText());
        if (Files.isRegularFile(file) && !Files.exists(to.resolve(file.getFileName()))) {
          link(file, to);
        }
      }
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        linkAttachments(child, results, to);
      }
    }
  }

  private static void link(Path file, Path folder) throws IOException {
    Path target = folder.resolve(file.getFileName());
    try {
      Files.createLink(target, file.toAbsolutePath());
    } catch (IOException | UnsupportedOperationException notHere) {
      Files.copy(file, target);
    }
  }

  private static Path fresh(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> old = Files.walk(folder)) {
        old.sorted((a, b) -> b.compareTo(a)).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    return Files.createDirectories(folder);
  }
}
