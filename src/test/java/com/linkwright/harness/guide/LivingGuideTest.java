package com.linkwright.harness.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.harness.guide.GuideOutline.Entry;
import com.linkwright.harness.guide.GuideOutline.Section;
import com.linkwright.harness.guide.GuideOutline.Shot;
import com.linkwright.harness.guide.LivingGuide.Outcome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which screen the living guide shows for a step, from Allure results written here by hand: the named scenario's
 * last attempt, another scenario of the same feature when the named one did not run, never one of another feature;
 * and what it says when a step has no picture. (WhatReadersSeeIT checks the page of a real run in Chromium.)
 */
class LivingGuideTest {
  @TempDir
  Path dir;

  private Path results;

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** One scenario's result: steps as "status|Gherkin step|screenshot name" (no name: no screenshot). */
  private void scenario(String uuid, String historyId, String feature, int line, String name, long stop, String... steps)
      throws IOException {
    StringBuilder json = new StringBuilder();
    String status = "passed";
    for (String step : steps) {
      String[] s = step.split("\\|", -1);
      if (!"passed".equals(s[0]) && "passed".equals(status)) {
        status = s[0];
      }
      String attachments = "";
      if (!s[2].isEmpty()) {
        String source = uuid + "-" + json.length() + "-attachment.png";
        Files.write(results.resolve(source), png(1100, 760));
        attachments = "{\"name\":\"" + s[2] + "\",\"source\":\"" + source + "\",\"type\":\"image/png\"}";
      }
      json.append(json.length() == 0 ? "" : ",").append("{\"name\":\"When ").append(s[1]).append("\",\"status\":\"")
          .append(s[0]).append("\",\"statusDetails\":{\"message\":\"").append("failed".equals(s[0]) ? "Locator expected to be visible" : "")
          .append("\"},\"attachments\":[").append(attachments).append("]}");
    }
    Files.writeString(results.resolve(uuid + "-result.json"), "{\"uuid\":\"" + uuid + "\",\"historyId\":\"" + historyId
        + "\",\"fullName\":\"features/" + feature + ":" + line + "\",\"name\":\"" + name + "\",\"status\":\"" + status
        + "\",\"stop\":" + stop + ",\"labels\":[{\"name\":\"framework\",\"value\":\"cucumber4jvm\"}],\"steps\":[" + json + "]}");
  }

  private static GuideOutline outline(Shot... shots) {
    return new GuideOutline("Test guide", List.of(new Section("Flow", "flow", "A flow.", true,
        List.of(new Entry("Step", "Do it.", List.of(shots))))));
  }

  private String write(GuideOutline outline, Map<String, String> reportUids) throws IOException {
    Path report = dir.resolve("report/index.html");
    Files.createDirectories(report.getParent());
    StringBuilder single = new StringBuilder("<script>");
    reportUids.forEach((historyId, uid) -> single.append("d('data/test-cases/").append(uid).append(".json','")
        .append(Base64.getEncoder().encodeToString(("{\"uid\":\"" + uid + "\",\"historyId\":\"" + historyId
            + "\",\"hidden\":false}").getBytes(StandardCharsets.UTF_8))).append("');"));
    Files.writeString(report, single.append("</script>").toString());
    Path page = dir.resolve("guide/index.html");
    LivingGuide.write(results, report, Optional.empty(), page, outline);
    return Files.readString(page);
  }

  @Test
  void aStepShowsItsScreenFromTheNamedScenariosLastAttemptAndLinksToIt() throws IOException {
    results = Files.createDirectories(dir.resolve("results"));
    scenario("a1", "h1", "direct.feature", 11, "Links", 100, "failed|I log in|");
    scenario("a2", "h1", "direct.feature", 11, "Links", 200, "passed|I log in|Instagram Login");
    String page = write(outline(new Shot("direct.feature", "Links", "I log in", "Instagram Login")), Map.of("h1", "u1"));
    assertThat(page).contains("data-outcome=\"passed\"").contains("href=\"../report/index.html#testresult/u1\"");
    Matcher image = Pattern.compile("src=\"data:image/jpeg;base64,([^\"]+)\"").matcher(page);
    assertThat(image.find()).isTrue();
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.group(1))));
    assertThat(shown.getWidth()).isEqualTo(GuideImages.WIDTH);
    assertThat(shown.getHeight()).isEqualTo(553);
  }

  @Test
  void whenTheNamedScenarioDidNotRunAnotherOfTheSameFeatureStandsIn() throws IOException {
    results = Files.createDirectories(dir.resolve("results"));
    scenario("b1", "h2", "facebook.feature", 30, "Other flow", 100, "passed|I log in|Instagram Login");
    scenario("b2", "h3", "direct.feature", 40, "Relinks", 100, "passed|I log in|Instagram Login");
    String page = write(outline(new Shot("direct.feature", "Links", "I log in", "Instagram Login")), Map.of());
    assertThat(page).contains("data-outcome=\"passed\"").contains("Shown from \u201cRelinks\u201d")
        .doesNotContain("Other flow");
  }

  @Test
  void aStepWithNoScenarioToShowItSaysItDidNotRun() throws IOException {
    results = Files.createDirectories(dir.resolve("results"));
    scenario("c1", "h4", "facebook.feature", 30, "Links", 100, "passed|I log in|Instagram Login");
    LivingGuide.Summary summary = LivingGuide.write(results, dir.resolve("none.html"), Optional.empty(),
        dir.resolve("guide/index.html"), outline(new Shot("direct.feature", "Links", "I log in", "Instagram Login")));
    assertThat(summary.bySection().get("Flow")).containsExactly(Outcome.NOT_RUN);
    assertThat(Files.readString(dir.resolve("guide/index.html"))).contains("Did not run this time")
        .doesNotContain("<img");
  }

  @Test
  void aStepAfterTheOneThatFailedSaysItDidNotRunAndWhere() throws IOException {
    results = Files.createDirectories(dir.resolve("results"));
    scenario("e1", "h6", "direct.feature", 11, "Links", 100, "failed|I log in|", "skipped|I allow|");
    LivingGuide.Summary summary = LivingGuide.write(results, dir.resolve("none.html"), Optional.empty(),
        dir.resolve("guide/index.html"), outline(new Shot("direct.feature", "Links", "I log in", "Instagram Login"),
            new Shot("direct.feature", "Links", "I allow", "Instagram Permissions")));
    assertThat(summary.bySection().get("Flow")).containsExactly(Outcome.FAILED, Outcome.NOT_RUN);
    assertThat(Files.readString(dir.resolve("guide/index.html")))
        .contains("Failed: Locator expected to be visible")
        .contains("Did not run this time: the scenario stopped before this step, at \u201cWhen I log in\u201d (failed: "
            + "Locator expected to be visible)");
  }

  @Test
  void aPassedStepWithoutItsScreenshotSaysSo() throws IOException {
    results = Files.createDirectories(dir.resolve("results"));
    scenario("d1", "h5", "direct.feature", 11, "Links", 100, "passed|I log in|");
    String page = write(outline(new Shot("direct.feature", "Links", "I log in", "Instagram Login")), Map.of());
    assertThat(page).contains("no screenshot named \u201cInstagram Login\u201d was attached").doesNotContain("<img");
  }
}
