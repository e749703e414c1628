package com.linkwright.harness.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.guide.GuideOutline.Entry;
import com.linkwright.harness.guide.GuideOutline.Section;
import com.linkwright.harness.guide.GuideOutline.Shot;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The living guide looks where the features are: every screen it names is a scenario of features/ (outline examples
 * by their expanded name), with that Gherkin step, and a step definition attaches a screenshot of that name.
 */
class GuideOutlineTest {

  private static List<Pickle> scenariosOf(String feature) throws IOException {
    try (Stream<Envelope> parsed = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build()
        .parse(Path.of("features", feature))) {
      return parsed.map(Envelope::getPickle).flatMap(Optional::stream).toList();
    }
  }

  private static String stepDefinitions() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Path.of("src/test/java/com/linkwright/steps"))) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }

  @Test
  void everyScreenOfTheGuideIsAStepOfAScenarioThatAttachesIt() throws IOException {
    String steps = stepDefinitions();
    int shots = 0;
    for (Section section : GuideOutline.GUIDE.sections()) {
      for (Entry entry : section.entries()) {
        assertThat(entry.shots()).as(entry.title()).isNotEmpty();
        for (Shot shot : entry.shots()) {
          Optional<Pickle> scenario = scenariosOf(shot.feature()).stream()
              .filter(p -> p.getName().equals(shot.scenario())).findFirst();
          assertThat(scenario).as("scenario \"%s\" in features/%s", shot.scenario(), shot.feature()).isPresent();
          assertThat(scenario.get().getSteps()).extracting(PickleStep::getText)
              .as("steps of \"%s\"", shot.scenario()).contains(shot.step());
          assertThat(steps).as("a step definition attaching \"%s\"", shot.screenshot())
              .contains("attachScreenshot(\"" + shot.screenshot() + "\")");
          shots++;
        }
      }
    }
    assertThat(shots).isEqualTo(20);
  }

  @Test
  void theFlowsAreTheGuidesInItsOrder() {
    List<Section> sections = GuideOutline.GUIDE.sections();
    assertThat(sections).extracting(Section::title).containsExactly("Linking Instagram Directly",
        "Linking Instagram through Facebook (Facebook Page required)", "What the guide warns about");
    assertThat(sections.get(0).entries()).extracting(Entry::title)
        .containsExactly("Click To Link Instagram", "Instagram Login", "Instagram Permissions", "Confirmation");
    assertThat(sections.get(1).entries()).extracting(Entry::title).containsExactly("Click To Link Instagram",
        "First Time Instagram Linking", "Edit Instagram Settings", "Authorize Instagram Business or Creator Accounts",
        "Select Facebook Pages", "Enable Permissions", "Confirmation");
  }
}
