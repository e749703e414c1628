package com.linkwright.harness;

import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.linkwright.harness.console.ScenarioFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Bad input to the harness fails fast, with one message that says what to do: an undefined step, a feature that
 * does not parse, a missing browser. Nothing here starts a server or a browser (a port in use, a harness that cannot
 * start: BadInputIT; bad settings: HarnessConfigTest; unknown personas: PersonaBookTest).
 */
// reads the system properties a selection sets (ScenarioSelectionTest writes them)
@ResourceLock(value = Resources.SYSTEM_PROPERTIES, mode = ResourceAccessMode.READ)
class BadInputTest {

  @Test
  void anUndefinedStepFailsTheScenarioWithItsSnippet(@TempDir Path dir) throws IOException {
    Path feature = write(dir, "undefined.feature", """
        Feature: a typo
          Scenario: a step nobody wrote
            Given I click the Instagram icon on the Social Acounts page
        """);
    List<String> failures = run(feature);
    assertThat(failures).singleElement().asString()
        .contains("The step 'I click the Instagram icon on the Social Acounts page' is undefined")
        .contains("@Given(\"I click the Instagram icon on the Social Acounts page\")");
  }

  /** The persona parameter types match any quoted text too; kept out of snippets (Cucumber's default), a new step gets {string}. */
  @Test
  void anUndefinedStepWithAQuotedValueGetsOneSnippetWithString(@TempDir Path dir) throws IOException {
    Path feature = write(dir, "quoted.feature", """
        Feature: a new step
          Scenario: a step nobody wrote yet
            Given my Instagram account is called "mila.creates"
        """);
    List<String> failures = run(feature);
    assertThat(failures).singleElement().asString()
        .contains("@Given(\"my Instagram account is called {string}\")")
        .doesNotContain("Persona}");
  }

  @Test
  void aFeatureThatDoesNotParseNamesTheFileAndLine(@TempDir Path dir) throws IOException {
    Path feature = write(dir, "broken.feature", """
        Feature: broken
          Scenario: one
            Given I am signed in to the dashboard as a new user
          Examples without an outline
            | a |
        """);
    List<String> failures = run(feature);
    assertThat(failures).singleElement().asString().contains("broken.feature").containsIgnoringCase("parse");
  }

  @Test
  void noBrowserAndNoInstallSaysHowToGetOne(@TempDir Path empty) {
    Properties never = new Properties();
    never.setProperty("browser.install", "never");
    HarnessConfig config = HarnessConfig.load(Path.of("playwright.config"), never);
    BrowserLocator locator = new BrowserLocator(config, Map.of("PATH", empty.toString(), "PLAYWRIGHT_BROWSERS_PATH", empty.toString()));
    assertThatThrownBy(locator::locate)
        .isInstanceOf(BrowserLocator.BrowserNotFoundException.class)
        .hasMessageContaining("No Chromium found")
        .hasMessageContaining("apt-get install chromium")
        .hasMessageContaining("-Dbrowser.executable=");
  }

  @Test
  void aNamedBrowserThatIsNotThereIsNamed() {
    Properties p = new Properties();
    p.setProperty("browser.executable", "no-such-dir/chrome");
    HarnessConfig config = HarnessConfig.load(Path.of("playwright.config"), p);
    assertThatThrownBy(() -> new BrowserLocator(config).locate())
        .hasMessageContaining("browser.executable is 'no-such-dir/chrome', which is not an executable file");
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** Runs one feature file through the Cucumber engine; returns the failure messages. */
  private static List<String> run(Path feature) {
    List<String> failures = new CopyOnWriteArrayList<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectFile(feature.toFile()))
        .filters(includeEngines("cucumber"))
        // the runner's settings come from junit-platform.properties; this run reports only to the test
        .configurationParameter(PLUGIN_PROPERTY_NAME, ScenarioFacts.class.getName())
        // this file alone, whatever selection the user's run carries (-Dcucumber.features, -Dcucumber.filter.tags/name
        // reach this JVM as system properties, which the engine would otherwise apply here too)
        .configurationParameter("cucumber.features", feature.toString())
        .configurationParameter("cucumber.filter.tags", "not @linkwright-never-set")
        .configurationParameter("cucumber.filter.name", ".*")
        // a dry run checks the glue without a browser: what `-Dcucumber.execution.dry-run=true` does for a user
        .configurationParameter("cucumber.execution.dry-run", "true")
        .configurationParameter("junit.platform.execution.listeners.deactivate", "io.qameta.allure.*")
        .build(), new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("(no message)"));
            }
          }
        });
    return failures;
  }
}
