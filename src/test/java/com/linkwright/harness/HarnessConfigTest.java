package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** playwright.config and its -D overrides: bad input stops the run with the key and the allowed values. */
class HarnessConfigTest {
  private static final Path CONFIG = Path.of("playwright.config");

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void theShippedConfigIsValidAndHeadless() {
    HarnessConfig c = HarnessConfig.load(CONFIG, props());
    assertThat(c.headless).isTrue();
    assertThat(c.embeddedApp()).isTrue();
    assertThat(c.workers).isEqualTo(1);
    assertThat(c.retries).isZero();
    assertThat(c.traceScreenshots).as("use.trace.screenshots: the trace without its screencast").isFalse();
  }

  @Test
  void everyKeyCanBeOverridden() {
    HarnessConfig c = HarnessConfig.load(CONFIG, props("use.headless", "false", "use.slowMo", "250", "workers", "2",
        "use.trace", "on", "use.trace.screenshots", "true", "use.baseURL", "http://localhost:7070/"));
    assertThat(c.headless).isFalse();
    assertThat(c.slowMo).isEqualTo(250);
    assertThat(c.workers).isEqualTo(2);
    assertThat(c.trace).isEqualTo(HarnessConfig.Mode.ON);
    assertThat(c.traceScreenshots).isTrue();
    assertThat(c.baseUrl).isEqualTo("http://localhost:7070");
  }

  @Test
  void aBadValueNamesTheKeyAndWhatItAllows() {
    assertThatThrownBy(() -> HarnessConfig.load(CONFIG, props("use.headless", "yes")))
        .hasMessage("Bad value 'yes' for use.headless: allowed true | false.");
    assertThatThrownBy(() -> HarnessConfig.load(CONFIG, props("use.trace", "always")))
        .hasMessageContaining("use.trace: allowed off | on | retain-on-failure");
    assertThatThrownBy(() -> HarnessConfig.load(CONFIG, props("use.trace.screenshots", "on")))
        .hasMessage("Bad value 'on' for use.trace.screenshots: allowed false | true.");
    assertThatThrownBy(() -> HarnessConfig.load(CONFIG, props("workers", "0")))
        .hasMessageContaining("workers: allowed a whole number from 1 to 16");
    assertThatThrownBy(() -> HarnessConfig.load(CONFIG, props("use.baseURL", "localhost:7070")))
        .hasMessageContaining("use.baseURL");
  }

  @Test
  void aMisspeltKeyIsNotSilentlyIgnored() {
    assertThatThrownBy(() -> HarnessConfig.load(CONFIG, props("use.headles", "false")))
        .isInstanceOf(HarnessConfig.ConfigException.class)
        .hasMessageContaining("Unknown setting use.headles (from -Duse.headles)")
        .hasMessageContaining("use.headless");
  }

  @Test
  void runningFromTheWrongFolderSaysWhereToRunFrom() {
    assertThatThrownBy(() -> HarnessConfig.load(Path.of("nowhere/playwright.config"), props()))
        .hasMessageContaining("run from the project's top folder");
  }
}
