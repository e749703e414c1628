package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend carries over from the single-file report: its embedded history/ is written out for the next run. */
class ReportBuilderTest {
  private static String embedded(String name, String json) {
    return "d('" + name + "','" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "')";
  }

  @Test
  void theHistoryEmbeddedInTheSingleFileIsKeptForTheNextRun(@TempDir Path dir) throws IOException {
    Path single = dir.resolve("index.html");
    Files.writeString(single, "<script>" + embedded("widgets/summary.json", "{\"total\":3}") + ";"
        + embedded("history/history.json", "{\"abc\":{\"statistic\":{\"passed\":3}}}") + ";"
        + embedded("history/history-trend.json", "[{\"data\":{\"passed\":3}}]") + ";</script>");
    Path history = dir.resolve("history");
    ReportBuilder.keepHistory(single, history);
    assertThat(history.resolve("history.json")).hasContent("{\"abc\":{\"statistic\":{\"passed\":3}}}");
    assertThat(history.resolve("history-trend.json")).hasContent("[{\"data\":{\"passed\":3}}]");
    assertThat(history).isDirectoryNotContaining("glob:**/summary.json");
  }

  @Test
  void aSingleFileWithoutHistorySaysTheTrendCannotCarryOver(@TempDir Path dir) throws IOException {
    Path single = dir.resolve("index.html");
    Files.writeString(single, "<script>" + embedded("data/test-cases/1.json", "{}") + "</script>");
    assertThatThrownBy(() -> ReportBuilder.keepHistory(single, dir.resolve("history")))
        .hasMessageContaining("carries no history/history.json")
        .hasMessageContaining("trend cannot carry over");
  }

  @Test
  void aRunWithoutScenariosFailsUnlessAShardOrFailsafesOwnSelectionLeftThemOut() {
    assertThatThrownBy(() -> ReportBuilder.whyNoScenario(java.util.Optional.empty(), null))
        .hasMessageStartingWith("No scenario ran: the selection");
    assertThat(ReportBuilder.whyNoScenario(java.util.Optional.of("shard 2/2 ran no scenario: ..."), null))
        .isEqualTo("shard 2/2 ran no scenario: ...");
    assertThat(ReportBuilder.whyNoScenario(java.util.Optional.empty(), "PostingIT"))
        .startsWith("no scenario in this run: -Dit.test=PostingIT chose JUnit tests only");
    // the suite was chosen (by any of failsafe's spellings): its scenarios matched nothing, which still fails
    for (String itTest : List.of("RunCucumberIT", "PostingIT, RunCucumberIT", "Run*IT", "*Cucumber*", "com.linkwright.suite.RunCucumberIT",
        "**/suite/RunCucumberIT.java", "RunCucumberIT#features", "RunCucumber?T")) {
      assertThatThrownBy(() -> ReportBuilder.whyNoScenario(java.util.Optional.empty(), itTest)).as(itTest)
          .hasMessageStartingWith("No scenario ran");
    }
    for (String itTest : List.of("PostingIT", "RunCucumberITx", "Run", "!RunCucumberIT", "app/*IT", " ")) {
      assertThat(ReportBuilder.selects(itTest, "com.linkwright.suite.RunCucumberIT")).as(itTest).isFalse();
    }
  }

  @Test
  void withoutJUnitTestsTheRunSaysWhyASelectionSaysItRunsItsScenariosOnly() {
    java.util.Properties whole = new java.util.Properties();
    assertThat(ReportBuilder.noJUnitReport(whole)).isEqualTo("none, no JUnit test ran");
    whole.setProperty("shard", "2/4");
    whole.setProperty("cucumber.filter.tags", " ");
    assertThat(ReportBuilder.noJUnitReport(whole)).as("a shard, a blank selection").isEqualTo("none, no JUnit test ran");
    for (String key : java.util.List.of("cucumber.filter.tags", "cucumber.filter.name", "cucumber.features")) {
      java.util.Properties selection = new java.util.Properties();
      selection.setProperty(key, "features/direct.feature:11");
      assertThat(ReportBuilder.noJUnitReport(selection)).as(key)
          .isEqualTo("none: " + ReportBuilder.SELECTION_RUNS_SCENARIOS_ONLY);
    }
  }
}
