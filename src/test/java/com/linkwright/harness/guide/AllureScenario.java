package com.linkwright.harness.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.linkwright.harness.console.ErrorLine;
import com.linkwright.harness.guide.GuideOutline.Shot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Readers of one scenario's Allure result for the living guide: its steps, their screenshots, where it stopped, its line. */
final class AllureScenario {
  private AllureScenario() {}

  static Optional<JsonNode> step(JsonNode scenario, Shot shot) {
    for (JsonNode s : scenario.path("steps")) {
      String name = s.path("name").asText();
      int space = name.indexOf(' ');
      if (space > 0 && name.substring(space + 1).equals(shot.step())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  static boolean hasAttachment(JsonNode step, String name) {
    return attachment(step, name).isPresent();
  }

  static Optional<String> attachment(JsonNode step, String name) {
    for (JsonNode a : step.path("attachments")) {
      if (a.path("name").asText().equals(name) && a.path("type").asText().startsWith("image/")) {
        return Optional.of(a.path("source").asText());
      }
    }
    return Optional.empty();
  }

  static String stoppedAt(JsonNode scenario) {
    for (JsonNode s : scenario.path("steps")) {
      String status = s.path("status").asText();
      if (!"passed".equals(status)) {
        return "at \u201c" + s.path("name").asText() + "\u201d (" + status + ": "
            + firstLine(s.path("statusDetails").path("message").asText(scenario.path("statusDetails").path("message").asText()))
            + ")";
      }
    }
    String message = scenario.path("statusDetails").path("message").asText();
    return "in a hook" + (message.isEmpty() ? "" : " (" + firstLine(message) + ")");
  }

  /** "features/direct.feature:14": the step's own line when the feature file says it, else the scenario's. */
  static String where(JsonNode scenario, String gherkin) {
    Optional<Path> file = label(scenario, "gherkin_uri").filter(u -> u.startsWith("file:")).map(u -> Path.of(URI.create(u)));
    int line = line(scenario);
    if (file.isPresent() && gherkin != null && Files.isRegularFile(file.get())) {
      try {
        List<String> lines = Files.readAllLines(file.get());
        for (int i = Math.max(0, line - 1); i < lines.size(); i++) {
          if (lines.get(i).trim().equals(gherkin)) {
            line = i + 1;
            break;
          }
        }
      } catch (IOException unreadable) {
        // the scenario's own line will do
      }
    }
    String shown = file.map(AllureScenario::relative).orElse(featureName(scenario));
    return shown + ":" + line;
  }

  static String gherkinOf(Shot shot) {
    return shot.step();
  }

  static int line(JsonNode scenario) {
    String full = scenario.path("fullName").asText();
    try {
      return Integer.parseInt(full.substring(full.lastIndexOf(':') + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return 0;
    }
  }

  static String featureName(JsonNode scenario) {
    String uri = label(scenario, "gherkin_uri").orElse(scenario.path("fullName").asText().replaceFirst(":\\d+$", ""));
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  static Optional<String> label(JsonNode r, String name) {
    for (JsonNode l : r.path("labels")) {
      if (name.equals(l.path("name").asText())) {
        return Optional.of(l.path("value").asText());
      }
    }
    return Optional.empty();
  }

  static String relative(Path p) {
    Path here = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
  }

  static String firstLine(String message) {
    return ErrorLine.of(message);
  }
}
