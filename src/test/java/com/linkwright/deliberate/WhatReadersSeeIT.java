package com.linkwright.deliberate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linkwright.harness.Harness;
import com.linkwright.harness.HarnessConfig;
import com.linkwright.harness.InnerCucumberRun;
import com.linkwright.harness.PlaywrightWorker;
import com.linkwright.harness.ReportBuilder;
import com.linkwright.harness.SharedHarness;
import com.linkwright.harness.guide.AllureSingleFile;
import com.linkwright.harness.guide.GuideOutline;
import com.linkwright.harness.guide.GuideOutline.Entry;
import com.linkwright.harness.guide.GuideOutline.Section;
import com.linkwright.harness.guide.GuideOutline.Shot;
import com.linkwright.harness.guide.LivingGuide;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What readers see, proven on a run of its own: the deliberately broken scenarios of
 * src/test/resources/deliberate/categories and one real scenario (direct.feature:11, the guide's first flow) run
 * through the JUnit Platform Launcher into a temporary results folder; then the report is built from it as
 * ./mvnw verify builds it (ReportBuilder: Allure's own generate with the project's categories.json, the living
 * guide). The categories are read from the generated report's data; the guide and the report are opened in the
 * scenarios' Chromium. Runs inside the feature suite, on its harness.
 *
 * <p>Over 250 lines because its tests share one deliberate run and one built report (costly: a Cucumber run and
 * Allure's generator); split into classes, each would build its own.
 */
@ExtendWith(SharedHarness.class)
public class WhatReadersSeeIT {
  private static final Path BROKEN = Path.of("src/test/resources/deliberate/categories/broken-on-purpose.feature");
  private static final Path REAL = Path.of("features/direct.feature:11");
  private static final String REMOVED_BUTTON = "A dashboard button that is not there is a product regression";
  private static final String HARNESS_BUG = "An exception in harness code is a harness defect";
  private static final String REAL_NAME = "A Business account links directly";
  private static final String PRODUCT = "Product regressions";
  private static final String HARNESS = "Harness or stub defects";

  @TempDir
  static Path dir;
  private static Path results;
  private static Path scenariosReport;
  private static Path guide;
  private static String printed;
  private static LivingGuide.Summary brokenSummary;
  /** How each scenario of the run ended, by its name, as JUnit heard it. */
  private static final Map<String, TestExecutionResult.Status> RAN = new ConcurrentHashMap<>();

  @BeforeAll
  static void runTheBrokenScenariosAndBuildTheReport() throws IOException, InterruptedException {
    results = Files.createDirectories(dir.resolve("results"));
    // results into the temporary folder only, never into the run's own report
    LauncherFactory.create().execute(InnerCucumberRun.of(AllureResultsInto.class.getName() + ":" + results, BROKEN, REAL)
        .configurationParameter("cucumber.execution.dry-run", "false")
        .configurationParameter("cucumber.glue", "com.linkwright.steps,com.linkwright.deliberate")
        .build(), new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              String name = id.getDisplayName();
              RAN.put(name.substring(name.lastIndexOf(" - ") + 3), result.getStatus());
            }
          }
        });
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    ReportBuilder.build(results, dir.resolve("report"), Path.of(System.getProperty("allure.commandline.home",
        "target/allure-commandline/allure-2.34.1")), dir.resolve("guide"), new PrintStream(said, true, StandardCharsets.UTF_8));
    printed = said.toString(StandardCharsets.UTF_8);
    scenariosReport = dir.resolve("report/single/index.html");
    guide = dir.resolve("guide/index.html");
  }

  /** The failures of this run are evidence for these tests only: their traces do not stay among the run's own. */
  @AfterAll
  static void forgetTheBrokenScenariosTraces() throws IOException {
    Path traces = Path.of("target", "traces");
    if (Files.isDirectory(traces)) {
      try (Stream<Path> files = Files.list(traces)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (f.getFileName().toString().startsWith("broken-on-purpose-")) {
            Files.delete(f);
          }
        }
      }
    }
  }

  @Test
  void theRunWentAsPlanned() {
    assertThat(RAN).containsEntry(REAL_NAME, TestExecutionResult.Status.SUCCESSFUL)
        .containsEntry(REMOVED_BUTTON, TestExecutionResult.Status.FAILED)
        .containsEntry(HARNESS_BUG, TestExecutionResult.Status.FAILED);
  }

  @Test
  void aDashboardButtonThatIsNotThereIsAProductRegression() throws IOException {
    // Playwright timed out in the dashboard's page object: "broken" to Allure, a regression to the reader
    assertThat(statusOf(REMOVED_BUTTON)).isEqualTo("broken");
    assertThat(categoriesOf(REMOVED_BUTTON)).containsExactly(PRODUCT);
  }

  @Test
  void anExceptionInHarnessCodeIsAHarnessDefect() throws IOException {
    assertThat(statusOf(HARNESS_BUG)).isEqualTo("broken");
    assertThat(categoriesOf(HARNESS_BUG)).containsExactly(HARNESS);
  }

  /**
   * The report counts the scenarios, its front page links to the guide, and the guides' links into it open the
   * scenarios they name: one load of the report, the links then being routes inside it.
   */
  @Test
  void theReportsFrontPageLinksToTheGuideAndTheGuidesLinksOpenTheirScenarios(Harness harness) throws IOException {
    assertThat(embedded(scenariosReport, "widgets/summary.json").path("statistic").path("total").asInt()).isEqualTo(RAN.size());
    assertThat(printed).contains("[linkwright] Living guide: " + guide.toAbsolutePath());
    Map<String, String> intoTheReport = new java.util.LinkedHashMap<>();
    for (Path page : List.of(guide, brokenGuide())) {
      java.util.regex.Matcher a = java.util.regex.Pattern.compile("<a class=\"scenario\" href=\"([^\"#]+)(#[^\"]+)\">([^<]+)</a>")
          .matcher(Files.readString(page));
      while (a.find()) {
        intoTheReport.put(page.getParent().resolve(a.group(1)).normalize().toUri() + a.group(2), a.group(3));
      }
    }
    assertThat(intoTheReport.values()).contains(REAL_NAME, REMOVED_BUTTON);
    inBrowser(harness, 1280, page -> {
      page.navigate(scenariosReport.toUri().toString());
      Locator toTheGuide = page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
          new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Living guide")));
      assertThat(toTheGuide).isVisible();
      for (var link : intoTheReport.entrySet()) {
        URI to = URI.create(link.getKey());
        assertThat(to.getPath()).as("the report a guide links to").isEqualTo(scenariosReport.toUri().getPath());
        page.evaluate("fragment => { location.hash = fragment }", to.getFragment());
        assertThat(page.getByText(link.getValue(), new Page.GetByTextOptions().setExact(true)).first()).isVisible();
      }
      page.evaluate("() => { location.hash = '' }");
      toTheGuide.click();
      assertThat(page).hasTitle("Living guide: Instagram Linking");
    });
  }

  @Test
  void theGuideShowsThisRunsScreensWhereTheyRanAndSaysWhereNothingRan(Harness harness) {
    inBrowser(harness, 1280, page -> {
      page.navigate(guide.toUri().toString());
      expectEveryImageDecodedAndSmall(page);
      expectEveryLinkResolves(page);
      Locator direct = page.locator("#linking-instagram-directly li.step");
      assertThat(direct).hasCount(4);
      for (int i = 0; i < 4; i++) {
        // the flow's scenario ran and passed: each step shows this run's screen, from that scenario
        Locator step = direct.nth(i);
        assertThat(step).hasAttribute("data-outcome", "passed");
        assertThat(step.locator("img")).hasCount(1);
        assertThat(step.locator("a.scenario")).hasText(REAL_NAME);
      }
      assertThat(RAN).containsEntry(REAL_NAME, TestExecutionResult.Status.SUCCESSFUL);
      // nothing of the Facebook flow ran: no picture, and it says so
      Locator facebook = page.locator("#linking-instagram-through-facebook-facebook-page-required li.step");
      assertThat(facebook).hasCount(7);
      assertThat(facebook.locator("img")).hasCount(0);
      for (int i = 0; i < 7; i++) {
        assertThat(facebook.nth(i)).hasAttribute("data-outcome", "not-run");
        assertThat(facebook.nth(i)).containsText("Did not run this time");
      }
      Locator warnings = page.locator("#enabling-an-instagram-business-or-creator-account li.step");
      assertThat(warnings).hasCount(7);
      assertThat(warnings.locator("img")).hasCount(0);
    });
  }

  /** A guide of the broken scenario alone: its first step failed, the next never ran. */
  private static synchronized Path brokenGuide() throws IOException {
    Path page = dir.resolve("broken-guide/index.html");
    if (!Files.exists(page)) {
      brokenSummary = LivingGuide.write(results, scenariosReport, Optional.empty(), page, new GuideOutline(
          "Instagram Linking, broken on purpose", List.of(new Section("The icon removed", "removed", "Broken on purpose.", true,
              List.of(new Entry("Click To Link Instagram", "Click the Instagram icon on the Social Accounts page.", List.of(
                      new Shot("broken-on-purpose.feature", REMOVED_BUTTON, "I click the Instagram icon on the Social Accounts page",
                          "Click To Link Instagram"))),
                  new Entry("Instagram Login", "Input your credentials and click Log in.", List.of(
                      new Shot("broken-on-purpose.feature", REMOVED_BUTTON, "I input my credentials and click Log in",
                          "Instagram Login"))))))));
    }
    return page;
  }

  @Test
  void aStepThatFailedShowsTheScreenAndTheStepsAfterItSayTheyDidNotRun(Harness harness) throws IOException {
    Path brokenGuide = brokenGuide();
    assertThat(brokenSummary.line()).isEqualTo("The icon removed: 0 of 2 screens passed, 1 failed, 1 not run");
    inBrowser(harness, 1280, page -> {
      page.navigate(brokenGuide.toUri().toString());
      expectEveryImageDecodedAndSmall(page);
      expectEveryLinkResolves(page);
      Locator steps = page.locator("li.step");
      assertThat(steps.nth(0)).hasAttribute("data-outcome", "failed");
      assertThat(steps.nth(0).locator("img")).hasAttribute("alt", "The screen when it failed");
      assertThat(steps.nth(0)).containsText("Timeout 1500ms exceeded");
      assertThat(steps.nth(1)).hasAttribute("data-outcome", "not-run");
      assertThat(steps.nth(1).locator("img")).hasCount(0);
      assertThat(steps.nth(1)).containsText("the scenario stopped before this step, at \u201cWhen I click the Instagram icon on the Social Accounts page\u201d");
    });
  }

  /**
   * The trace a failed scenario leaves (use.trace=retain-on-failure) lets its reader replay the failure: the action
   * that failed is in it with the page's DOM as it was then. The screencast is in it only when
   * use.trace.screenshots asks for it (off by default: the report holds the screens).
   */
  @Test
  void aFailedScenariosTraceHoldsTheActionThatFailedWithThePageAsItWas(Harness harness) throws IOException {
    List<Path> traces;
    try (Stream<Path> files = Files.list(Path.of("target", "traces"))) {
      traces = files.filter(f -> f.getFileName().toString().startsWith("broken-on-purpose-")
          && f.getFileName().toString().contains("A_dashboard_button") && f.toString().endsWith(".zip")).toList();
    }
    if (harness.config.trace == HarnessConfig.Mode.OFF) {
      assertThat(traces).as("no trace with use.trace=off").isEmpty();
      return;
    }
    assertThat(traces).as("the failed scenario's trace in target/traces").hasSize(1);
    List<JsonNode> events = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (ZipFile zip = new ZipFile(traces.get(0).toFile())) {
      ZipEntry entry = zip.getEntry("trace.trace");
      assertThat(entry).as("trace.trace in " + traces.get(0)).isNotNull();
      String text = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          events.add(json.readTree(line));
        }
      }
    }
    Set<String> snapshots = new LinkedHashSet<>();
    events.stream().filter(e -> e.path("type").asText().equals("frame-snapshot"))
        .forEach(e -> snapshots.add(e.path("snapshot").path("snapshotName").asText()));
    JsonNode failedClick = events.stream().filter(e -> e.path("type").asText().equals("before")
        && e.path("method").asText().equals("click")).reduce((a, b) -> b).orElse(null);
    assertThat(failedClick).as("the click on the missing Instagram icon, in the trace").isNotNull();
    String callId = failedClick.path("callId").asText();
    assertThat(events).as("the click ended with the timeout the scenario failed on")
        .anySatisfy(e -> {
          assertThat(e.path("type").asText()).isEqualTo("after");
          assertThat(e.path("callId").asText()).isEqualTo(callId);
          assertThat(e.path("error").path("message").asText()).contains("Timeout");
        });
    assertThat(snapshots).as("the page's DOM before that click").contains(failedClick.path("beforeSnapshot").asText());
    long frames = events.stream().filter(e -> e.path("type").asText().equals("screencast-frame")).count();
    if (harness.config.traceScreenshots) {
      assertThat(frames).as("screencast frames (use.trace.screenshots=true)").isPositive();
    } else {
      assertThat(frames).as("screencast frames (use.trace.screenshots=false)").isZero();
    }
  }

  @Test
  void theGuideReadsOnAPhone(Harness harness) {
    inBrowser(harness, 390, page -> {
      page.navigate(guide.toUri().toString());
      assertThat(page.locator("#linking-instagram-directly img").first()).isVisible();
      assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
          .as("page width on a 390 px phone").isLessThanOrEqualTo(390);
      assertThat(((Number) page.evaluate("Math.max(...[...document.images].map(i => i.getBoundingClientRect().right))"))
          .doubleValue()).as("right edge of the widest image").isLessThanOrEqualTo(390);
    });
  }

  private static void expectEveryImageDecodedAndSmall(Page page) {
    Locator images = page.locator("img");
    for (int i = 0; i < images.count(); i++) {
      Locator img = images.nth(i);
      img.scrollIntoViewIfNeeded();
      Number natural = (Number) img.evaluate("i => i.decode().then(() => i.naturalWidth)");
      assertThat(natural.intValue()).as("natural width of image %d", i).isBetween(1, 800);
      String src = img.getAttribute("src");
      assertThat(src).startsWith("data:image/jpeg;base64,");
      assertThat(src.length()).as("size of image %d as a data URI", i).isLessThan(200_000);
    }
  }

  /**
   * Every link goes somewhere: a file that exists (a link into the report names a test case of it, with the
   * scenario's name; theGuidesLinksIntoTheReportOpenTheScenariosTheyName opens them), an anchor of the page, or the
   * guide itself on Ayrshare's site (not fetched: this machine has no internet).
   */
  @SuppressWarnings("unchecked")
  private static void expectEveryLinkResolves(Page page) {
    List<Map<String, String>> links = (List<Map<String, String>>) page.evaluate(
        "[...document.querySelectorAll('a[href]')].map(a => ({href: a.href, text: a.textContent}))");
    assertThat(links).isNotEmpty();
    URI here = URI.create(page.url());
    for (Map<String, String> link : links) {
      URI href = URI.create(link.get("href"));
      if (!"file".equals(href.getScheme())) {
        assertThat(href.toString()).as("a link out of the page").startsWith(GuideOutline.GUIDE_URL);
        continue;
      }
      Path target = Path.of(URI.create("file:" + href.getPath()));
      assertThat(target).as("target of " + href).isRegularFile();
      String fragment = href.getFragment();
      if (fragment != null && fragment.startsWith("testresult/")) {
        String uid = fragment.substring("testresult/".length());
        assertThat(testCaseNames(target)).as("test case " + uid + " of " + target).containsEntry(uid, link.get("text"));
      } else if (fragment != null && href.getPath().equals(here.getPath())) {
        assertThat(page.locator("#" + fragment)).hasCount(1);
      }
    }
  }

  private static Map<String, String> testCaseNames(Path report) {
    try {
      Map<String, String> names = new HashMap<>();
      testCases(report).forEach(t -> names.put(t.path("uid").asText(), t.path("name").asText()));
      return names;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void inBrowser(Harness harness, int width, Consumer<Page> look) {
    PlaywrightWorker worker = harness.borrowBrowser();
    try (BrowserContext context = worker.browser().newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
      look.accept(context.newPage());
    } finally {
      harness.giveBack(worker);
    }
  }

  private static String statusOf(String scenario) throws IOException {
    for (JsonNode testCase : testCases(scenariosReport)) {
      if (scenario.equals(testCase.path("name").asText())) {
        return testCase.path("status").asText();
      }
    }
    throw new AssertionError("No test case named " + scenario + " in " + scenariosReport);
  }

  /** The categories Allure filed a scenario under, from the report's own data/categories.json. */
  private static Set<String> categoriesOf(String scenario) throws IOException {
    Set<String> found = new LinkedHashSet<>();
    for (JsonNode category : embedded(scenariosReport, "data/categories.json").path("children")) {
      for (JsonNode message : category.path("children")) {
        for (JsonNode test : message.path("children")) {
          if (scenario.equals(test.path("name").asText())) {
            found.add(category.path("name").asText());
          }
        }
      }
    }
    return found;
  }

  private static List<JsonNode> testCases(Path report) throws IOException {
    List<JsonNode> cases = new ArrayList<>();
    for (byte[] file : AllureSingleFile.files(report, "data/test-cases/").values()) {
      cases.add(new ObjectMapper().readTree(file));
    }
    return cases;
  }

  private static JsonNode embedded(Path report, String path) throws IOException {
    byte[] file = AllureSingleFile.files(report, path).get(path);
    assertThat(file).as(path + " in " + report).isNotNull();
    return new ObjectMapper().readTree(file);
  }
}
