package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AppMain presents the registration of fixtures/registered-app.properties (or --config FILE), and says what is missing. */
class AppMainTest {

  @Test
  void theDefaultRegistrationIsTheFixturesOne() {
    var registration = AppMain.registration(AppMain.DEFAULT_CONFIG);
    for (String key : new String[] {"instagram.client_id", "instagram.client_secret", "facebook.app_id", "facebook.app_secret"}) {
      assertThat(AppMain.required(registration, AppMain.DEFAULT_CONFIG, key)).as(key).isNotBlank();
    }
  }

  @Test
  void aMissingFileSaysWhereItLookedAndWhatToPass(@TempDir Path dir) {
    Path absent = dir.resolve("nowhere.properties");
    assertThatThrownBy(() -> AppMain.registration(absent))
        .hasMessageStartingWith("No registration file at " + absent.toAbsolutePath())
        .hasMessageContaining("--config FILE");
  }

  @Test
  void aMissingKeySaysWhichAndHowToAddIt(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("app.properties"), "instagram.client_id=1\ninstagram.client_secret=\n");
    var registration = AppMain.registration(file);
    assertThat(AppMain.required(registration, file, "instagram.client_id")).isEqualTo("1");
    assertThatThrownBy(() -> AppMain.required(registration, file, "instagram.client_secret"))
        .hasMessage(file + " has no instagram.client_secret. Add the line instagram.client_secret=… (the value the providers"
            + " know this app by), or pass --config FILE with it.");
    assertThatThrownBy(() -> AppMain.required(registration, file, "facebook.app_id")).hasMessageContaining("has no facebook.app_id");
  }

  @Test
  void anArgumentWithoutValueOrUnknownSaysTheKnownOnes() {
    assertThatThrownBy(() -> AppMain.main(new String[] {"--port"})).hasMessageStartingWith("--port needs a value.");
    assertThatThrownBy(() -> AppMain.main(new String[] {"--nope", "1"})).hasMessageContaining("Known: --port N");
  }
}
