package com.linkwright.harness;

import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.nio.file.Path;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * A Cucumber run launched from inside a test: these features alone, whatever selection the user's run carries
 * (-Dcucumber.features, -Dcucumber.filter.tags/name reach the test JVM as system properties, which the engine would
 * apply here too), Cucumber's output to the given plugins only, nothing into the run's own Allure results.
 * The rest (glue, workers) comes from junit-platform.properties.
 */
public final class InnerCucumberRun {
  private InnerCucumberRun() {}

  /** {@code features}: feature files (file:line allowed); the first must be a file, it selects the engine's run. */
  public static LauncherDiscoveryRequestBuilder of(String plugins, Path... features) {
    StringBuilder paths = new StringBuilder();
    for (Path f : features) {
      paths.append(paths.length() == 0 ? "" : ",").append(f);
    }
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectFile(features[0].toString().replaceFirst(":[\\d:]+$", "")))
        .filters(includeEngines("cucumber"))
        .configurationParameter(PLUGIN_PROPERTY_NAME, plugins)
        .configurationParameter("cucumber.features", paths.toString())
        .configurationParameter("cucumber.filter.tags", "not @linkwright-never-set")
        .configurationParameter("cucumber.filter.name", ".*")
        .configurationParameter("junit.platform.execution.listeners.deactivate", "io.qameta.allure.*");
  }
}
