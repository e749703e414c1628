package com.linkwright.harness;

import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.linkwright.app.FacebookSettings;
import com.linkwright.app.InstagramSettings;
import com.linkwright.app.LinkingApp;
import com.linkwright.harness.console.ScenarioFacts;
import com.linkwright.stubs.ProviderStubs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Bad input that needs servers to show: a port in use, and a harness that cannot start, which fails every scenario
 * at once with the same message. (Without servers: BadInputTest.)
 */
class BadInputIT {

  @Test
  void aStubPortInUseSaysWhichAndWhatToDo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> ProviderStubs.start(Path.of("fixtures"), taken.getLocalPort()))
          .hasMessageStartingWith("The stubbed Instagram could not listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("Free the port or choose another");
    }
  }

  @Test
  void anAppPortInUseSaysWhichAndWhatToDo() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      InstagramSettings settings = InstagramSettings.stubbedAt(URI.create("http://127.0.0.1:9"), "1", "2");
      assertThatThrownBy(() -> LinkingApp.start(taken.getLocalPort(), settings, FacebookSettings.stubbedAt(URI.create("http://127.0.0.1:9"), "1", "2"), Set.of()))
          .hasMessageStartingWith("The reference app could not listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("Free the port or choose another");
    }
  }

  @Test
  void aHarnessThatCannotStartFailsEveryScenarioWithTheSameMessage(@TempDir Path dir) throws IOException {
    Path feature = dir.resolve("two.feature");
    Files.writeString(feature, """
        Feature: two scenarios
          Scenario: one
            Given I am signed in to the dashboard as a new user
          Scenario: two
            Given I am signed in to the dashboard as a new user
        """);
    // the settings are read from system properties when the harness starts; this run's browser is not there
    String before = System.getProperty("browser.executable");
    System.setProperty("browser.executable", dir.resolve("no-chromium-here").toString());
    List<String> failures;
    try {
      failures = run(feature);
    } finally {
      if (before == null) {
        System.clearProperty("browser.executable");
      } else {
        System.setProperty("browser.executable", before);
      }
    }
    assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f)
        .contains("browser.executable is '" + dir.resolve("no-chromium-here") + "', which is not an executable file"));
    assertThat(failures.get(0).replaceFirst("^[^:]*:", "")).isEqualTo(failures.get(1).replaceFirst("^[^:]*:", ""));
  }

  /** Runs one feature file through the Cucumber engine (the harness and all); returns each failed scenario's message. */
  private static List<String> run(Path feature) {
    List<String> failures = new CopyOnWriteArrayList<>();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectFile(feature.toFile()))
        .filters(includeEngines("cucumber"))
        // Cucumber prints nothing of its own: the test reads the outcome
        .configurationParameter(PLUGIN_PROPERTY_NAME, ScenarioFacts.class.getName())
        // this file alone, whatever selection the user's run carries (-D reaches this JVM as system properties)
        .configurationParameter("cucumber.features", feature.toString())
        .configurationParameter("cucumber.filter.tags", "not @linkwright-never-set")
        .configurationParameter("cucumber.filter.name", ".*")
        // hooks run (a user's -Dcucumber.execution.dry-run=true would skip them, and the harness with them)
        .configurationParameter("cucumber.execution.dry-run", "false")
        .configurationParameter("junit.platform.execution.listeners.deactivate", "io.qameta.allure.*")
        .build(), new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse("(no message)"));
            }
          }
        });
    return failures;
  }
}
