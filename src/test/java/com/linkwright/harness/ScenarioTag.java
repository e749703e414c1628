package com.linkwright.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.linkwright.app.LinkingApp;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.FilePosition;

/**
 * What a scenario's requests are tagged with (the app's request tagging, {@code LinkingApp.REQUEST_TAG_HEADER}): its
 * feature file, relative to the project, and the line of its Scenario or of its example row, as in
 * {@code features/direct.feature:11}. It is also the Cucumber selector for that one scenario (or row), which is how the
 * regression proof runs a fault against only the scenarios that reached its site.
 */
final class ScenarioTag {
  /** The warm-up's requests: no scenario's. */
  static final String WARM_UP = "linkwright warm-up";

  private ScenarioTag() {}

  /** What a browser context sends with each request, for {@code tag} (its extra HTTP headers). */
  static Map<String, String> headers(String tag) {
    return Map.of(LinkingApp.REQUEST_TAG_HEADER, tag);
  }

  /** For the feature at {@code feature} (a file: or classpath: URI, as Cucumber gives it) and the scenario's line. */
  static String of(URI feature, int line) {
    URI relative = Path.of("").toAbsolutePath().toUri().relativize(feature);
    return relative + ":" + line;
  }

  /** The tag's scenario as a discovery selector; null for a tag that names no scenario (the warm-up's, a stranger's). */
  static DiscoverySelector selector(String tag) {
    int colon = tag.lastIndexOf(':');
    if (colon < 0 || !tag.substring(colon + 1).matches("[0-9]{1,9}")) {
      return null;
    }
    String where = tag.substring(0, colon);
    FilePosition line = FilePosition.from(Integer.parseInt(tag.substring(colon + 1)));
    if (where.startsWith("classpath:")) {
      return selectClasspathResource(where.substring("classpath:".length()).replaceFirst("^/", ""), line);
    }
    return selectFile(where.startsWith("file:") ? Path.of(URI.create(where)).toString() : where, line);
  }
}
