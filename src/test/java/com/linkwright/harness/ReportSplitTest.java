package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run's results parted: the scenarios (with their hooks and screenshots) for the report, the JUnit tests apart. */
class ReportSplitTest {
  @Test
  void eachResultGoesWithItsContainersAndAttachments(@TempDir Path dir) throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("s1-result.json"), """
        {"uuid":"s1","name":"A Business account links directly","labels":[{"name":"framework","value":"cucumber4jvm"}],
         "steps":[{"name":"When I click","attachments":[{"name":"Click To Link Instagram","source":"shot-attachment.png"}]}]}""");
    Files.writeString(results.resolve("j1-result.json"), """
        {"uuid":"j1","name":"aRule()","labels":[{"name":"framework","value":"junit-platform"}],
         "attachments":[{"name":"log","source":"log-attachment.txt"}]}""");
    Files.writeString(results.resolve("c1-container.json"), """
        {"uuid":"c1","children":["s1"],"afters":[{"name":"Hooks.closeBrowser()",
         "attachments":[{"name":"Screen when it failed","source":"failed-attachment.png"}]}]}""");
    Files.writeString(results.resolve("c2-container.json"), "{\"uuid\":\"c2\",\"children\":[\"j1\"]}");
    for (String a : new String[] {"shot-attachment.png", "log-attachment.txt", "failed-attachment.png", "stray-attachment.txt"}) {
      Files.writeString(results.resolve(a), a);
    }
    ReportSplit.Parts parts = ReportSplit.split(results, dir.resolve("split"));
    assertThat(parts.scenarioResults()).isEqualTo(1);
    assertThat(parts.selfTestResults()).isEqualTo(1);
    assertThat(names(parts.scenarios())).containsExactlyInAnyOrder("s1-result.json", "c1-container.json",
        "shot-attachment.png", "failed-attachment.png");
    assertThat(names(parts.selfTests())).containsExactlyInAnyOrder("j1-result.json", "c2-container.json", "log-attachment.txt");
    assertThat(parts.scenarios().resolve("shot-attachment.png")).hasContent("shot-attachment.png");
    // a second build starts from empty folders
    Files.delete(results.resolve("j1-result.json"));
    assertThat(ReportSplit.split(results, dir.resolve("split")).selfTestResults()).isZero();
    assertThat(names(parts.selfTests())).as("a container whose tests are gone goes nowhere").isEmpty();
  }

  private static java.util.List<String> names(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }
}
