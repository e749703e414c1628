package com.linkwright.harness.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkwright.harness.HarnessConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The console's two settings: whether the app's and stubs' log is echoed, and whether lines may carry colour. */
class ConsoleSettingsTest {
  private static Properties props(String key, String value) {
    Properties p = new Properties();
    p.setProperty(key, value);
    return p;
  }

  @Test
  void theLogStaysOffTheConsoleUnlessAskedFor() {
    assertThat(HarnessConfig.load(Path.of("playwright.config"), new Properties()).consoleLogs).isFalse();
    assertThat(HarnessConfig.load(Path.of("playwright.config"), props("console.logs", "true")).consoleLogs).isTrue();
    assertThatThrownBy(() -> HarnessConfig.load(Path.of("playwright.config"), props("console.logs", "yes")))
        .hasMessage("Bad value 'yes' for console.logs: allowed false | true.");
    assertThatThrownBy(() -> HarnessConfig.load(Path.of("playwright.config"), props("console.log", "true")))
        .hasMessageContaining("Unknown setting console.log (from -Dconsole.log)");
  }

  @Test
  void colourOnlyWhenMavenRunsInteractivelyInARealTerminal() {
    Properties interactive = props("linkwright.interactive", "true");
    Map<String, String> terminal = Map.of("TERM", "xterm-256color");
    assertThat(HarnessConfig.colourConsole(interactive, terminal)).isTrue();
    assertThat(HarnessConfig.colourConsole(props("linkwright.interactive", "false"), terminal)).as("-B").isFalse();
    assertThat(HarnessConfig.colourConsole(new Properties(), terminal)).as("not run by Maven").isFalse();
    assertThat(HarnessConfig.colourConsole(interactive, Map.of("TERM", "xterm", "CI", "true"))).as("CI").isFalse();
    assertThat(HarnessConfig.colourConsole(interactive, Map.of("TERM", "xterm", "NO_COLOR", "1"))).as("NO_COLOR").isFalse();
    assertThat(HarnessConfig.colourConsole(interactive, Map.of("TERM", "dumb"))).as("a dumb terminal").isFalse();
    assertThat(HarnessConfig.colourConsole(interactive, Map.of())).as("no terminal").isFalse();
  }
}
