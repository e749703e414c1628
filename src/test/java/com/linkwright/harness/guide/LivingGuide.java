package com.linkwright.harness.guide;

import static com.linkwright.harness.guide.AllureScenario.attachment;
import static com.linkwright.harness.guide.AllureScenario.featureName;
import static com.linkwright.harness.guide.AllureScenario.firstLine;
import static com.linkwright.harness.guide.AllureScenario.gherkinOf;
import static com.linkwright.harness.guide.AllureScenario.hasAttachment;
import static com.linkwright.harness.guide.AllureScenario.label;
import static com.linkwright.harness.guide.AllureScenario.line;
import static com.linkwright.harness.guide.AllureScenario.step;
import static com.linkwright.harness.guide.AllureScenario.stoppedAt;
import static com.linkwright.harness.guide.AllureScenario.where;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linkwright.harness.guide.GuideOutline.Entry;
import com.linkwright.harness.guide.GuideOutline.Section;
import com.linkwright.harness.guide.GuideOutline.Shot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The living guide: one self-contained HTML page that walks the guide's two flows in its order, each documented
 * step with its title, the Gherkin line that performs it, this run's screenshot of it, whether it passed and a link
 * to its scenario in the Allure report; then the failures the guide warns about, each with its screen. Built from the
 * run's Allure results alone (the scenarios attach a screenshot named after the guide's step at each documented
 * step), so it costs no browser. A step that did not run this time says so and why; no picture is ever an old one.
 *
 * <p>Reading a scenario's result is {@link AllureScenario}; the page itself is {@link GuidePage}, its outline {@link GuideOutline}.
 */
public final class LivingGuide {
  /** How a screen of the guide fared in this run. */
  public enum Outcome { PASSED, FAILED, NOT_RUN }

  /** One resolved screen: what it shows, where it came from, and how it fared. */
  record View(Shot shot, Outcome outcome, String gherkin, String where, String scenario, String reportLink,
              String imageUri, String imageCaption, String note) {}

  /** What the page showed, counted: for the run summary, and for tests. */
  public record Summary(Map<String, List<Outcome>> bySection) {
    public String line() {
      List<String> parts = new ArrayList<>();
      bySection.forEach((section, outcomes) -> {
        long passed = outcomes.stream().filter(o -> o == Outcome.PASSED).count();
        long failed = outcomes.stream().filter(o -> o == Outcome.FAILED).count();
        long notRun = outcomes.size() - passed - failed;
        parts.add(section + ": " + passed + " of " + outcomes.size() + " screens passed"
            + (failed > 0 ? ", " + failed + " failed" : "") + (notRun > 0 ? ", " + notRun + " not run" : ""));
      });
      return String.join("; ", parts);
    }
  }

  private final Map<String, List<JsonNode>> scenariosByFeature = new HashMap<>();
  private final Map<String, List<JsonNode>> teardownsByResult = new HashMap<>();
  private final Path results;
  private final ReportIndex report;
  private final String reportHref;

  private LivingGuide(Path results, ReportIndex report, String reportHref) {
    this.results = results;
    this.report = report;
    this.reportHref = reportHref;
  }

  /**
   * Writes the guide to {@code page} from the Allure results in {@code results}; links point into the scenarios'
   * report {@code reportFile} and to the JUnit tests' report, if there is one (relative, so the folder can move).
   */
  public static Summary write(Path results, Path reportFile, Optional<Path> selfTestsReport, Path page, GuideOutline outline)
      throws IOException {
    Path folder = page.toAbsolutePath().getParent();
    String href = href(folder, reportFile);
    LivingGuide guide = new LivingGuide(results, ReportIndex.of(reportFile), href);
    guide.read();
    Map<String, List<Outcome>> counted = new java.util.LinkedHashMap<>();
    List<GuidePage.SectionView> sections = new ArrayList<>();
    for (Section section : outline.sections()) {
      List<GuidePage.EntryView> entries = new ArrayList<>();
      List<Outcome> outcomes = new ArrayList<>();
      for (Entry entry : section.entries()) {
        List<View> views = new ArrayList<>();
        for (Shot shot : entry.shots()) {
          View v = guide.resolve(shot);
          views.add(v);
          outcomes.add(v.outcome());
        }
        entries.add(new GuidePage.EntryView(entry, views));
      }
      counted.put(section.title(), outcomes);
      sections.add(new GuidePage.SectionView(section, entries));
    }
    Files.createDirectories(folder);
    Files.writeString(page, GuidePage.html(outline, sections, guide.ranSummary(), href,
        selfTestsReport.map(r -> href(folder, r))), StandardCharsets.UTF_8);
    return new Summary(counted);
  }

  private static String href(Path from, Path to) {
    return from.relativize(to.toAbsolutePath()).toString().replace('\\', '/');
  }

  /** The scenarios' last attempts (a retried scenario counts as its last try), by feature file name. */
  private void read() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> lastTry = new HashMap<>();
    List<JsonNode> containers = new ArrayList<>();
    try (Stream<Path> files = Files.list(results)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith("-container.json")) {
          containers.add(json.readTree(f.toFile()));
        } else if (name.endsWith("-result.json")) {
          JsonNode r = json.readTree(f.toFile());
          if (label(r, "framework").map(fw -> fw.contains("cucumber")).orElse(false)) {
            lastTry.merge(r.path("historyId").asText(r.path("uuid").asText()), r,
                (a, b) -> a.path("stop").asLong() >= b.path("stop").asLong() ? a : b);
          }
        }
      }
    }
    for (JsonNode r : lastTry.values()) {
      scenariosByFeature.computeIfAbsent(featureName(r), k -> new ArrayList<>()).add(r);
    }
    scenariosByFeature.values().forEach(l -> l.sort(Comparator.comparingInt(AllureScenario::line)));
    for (JsonNode c : containers) {
      for (JsonNode child : c.path("children")) {
        teardownsByResult.computeIfAbsent(child.asText(), k -> new ArrayList<>()).add(c);
      }
    }
  }

  private String ranSummary() {
    int total = 0;
    int passed = 0;
    for (List<JsonNode> l : scenariosByFeature.values()) {
      for (JsonNode r : l) {
        total++;
        if ("passed".equals(r.path("status").asText())) {
          passed++;
        }
      }
    }
    return total + " scenario" + (total == 1 ? "" : "s") + " ran: " + passed + " passed, " + (total - passed) + " did not";
  }

  private View resolve(Shot shot) throws IOException {
    List<JsonNode> ofFeature = scenariosByFeature.getOrDefault(shot.feature(), List.of());
    Optional<JsonNode> named = ofFeature.stream().filter(r -> r.path("name").asText().equals(shot.scenario())).findFirst();
    String note = "";
    JsonNode scenario;
    if (named.isPresent()) {
      scenario = named.get();
    } else {
      // the guide's own scenario was not selected: another of the same feature that went through the same step will do
      Optional<JsonNode> stand = ofFeature.stream().filter(r -> step(r, shot).map(s -> hasAttachment(s, shot.screenshot())).orElse(false)).findFirst();
      if (stand.isEmpty()) {
        return new View(shot, Outcome.NOT_RUN, gherkinOf(shot), shot.feature(), shot.scenario(), null, null, null,
            "Did not run this time: the scenario \u201c" + shot.scenario() + "\u201d was not in this run's selection.");
      }
      scenario = stand.get();
      note = "Shown from \u201c" + scenario.path("name").asText() + "\u201d: the scenario this guide names did not run. ";
    }
    String link = report.uid(scenario.path("historyId").asText()).map(uid -> reportHref + "#testresult/" + uid).orElse(null);
    String name = scenario.path("name").asText();
    Optional<JsonNode> step = step(scenario, shot);
    if (step.isEmpty()) {
      return new View(shot, Outcome.NOT_RUN, gherkinOf(shot), where(scenario, null), name, link, null, null,
          note + "Did not run this time: the scenario has no step \u201c" + shot.step() + "\u201d.");
    }
    JsonNode s = step.get();
    String gherkin = s.path("name").asText();
    String where = where(scenario, gherkin);
    Optional<String> picture = attachment(s, shot.screenshot());
    switch (s.path("status").asText()) {
      case "passed" -> {
        return picture.isPresent()
            ? new View(shot, Outcome.PASSED, gherkin, where, name, link, image(picture.get()), shot.screenshot(), note)
            : new View(shot, Outcome.PASSED, gherkin, where, name, link, null, null,
                note + "Passed, but no screenshot named \u201c" + shot.screenshot() + "\u201d was attached at this step "
                    + "(use.screenshot is not \u201con\u201d?).");
      }
      case "failed", "broken" -> {
        Optional<String> screen = picture.or(() -> failureScreen(scenario));
        return new View(shot, Outcome.FAILED, gherkin, where, name, link, screen.map(this::imageOrNull).orElse(null),
            picture.isPresent() ? shot.screenshot() : "The screen when it failed",
            note + "Failed: " + firstLine(s.path("statusDetails").path("message").asText(
                scenario.path("statusDetails").path("message").asText())));
      }
      default -> {
        return new View(shot, Outcome.NOT_RUN, gherkin, where, name, link, null, null,
            note + "Did not run this time: the scenario stopped before this step, " + stoppedAt(scenario) + ".");
      }
    }
  }




  /** The screen BrowserSession attached when the scenario failed (in its tear-down). */
  private Optional<String> failureScreen(JsonNode scenario) {
    for (JsonNode c : teardownsByResult.getOrDefault(scenario.path("uuid").asText(), List.of())) {
      for (JsonNode after : c.path("afters")) {
        Optional<String> found = attachment(after, "Screen when it failed");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }


  private String imageOrNull(String source) {
    try {
      return image(source);
    } catch (IOException unreadable) {
      return null;
    }
  }

  private String image(String source) throws IOException {
    return GuideImages.dataUri(Files.readAllBytes(results.resolve(source)));
  }







}
