package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A persona file with a required field missing or blank fails at once, naming the field (and the persona when it can). */
class PersonaDeclarationsTest {
  private static final String INSTAGRAM = "{\"handle\":\"h\",\"password\":\"p\",\"user_id\":\"1\",\"account_type\":\"Business\"}";
  private static final String FACEBOOK = "{\"handle\":\"h\",\"name\":\"N\",\"email\":\"e@x\",\"password\":\"p\",\"user_id\":\"1\"}";

  @ParameterizedTest
  @ValueSource(strings = {"handle", "password", "user_id", "account_type"})
  void anInstagramPersonaNeedsEachRequiredField(String field, @TempDir Path dir) throws Exception {
    for (String persona : new String[] {INSTAGRAM.replaceAll(",?\"" + field + "\":\"[^\"]*\"", "").replace("{,", "{"),
        INSTAGRAM.replaceAll("(\"" + field + "\":\")[^\"]*\"", "$1 \"")}) {
      Path file = dir.resolve("instagram.json");
      Files.writeString(file, "{\"personas\":[" + persona + "]}");
      assertThatThrownBy(() -> InstagramPersonaBook.load(file)).hasMessageContaining("has no '" + field + "'");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"handle", "name", "email", "password", "user_id"})
  void aFacebookPersonaNeedsEachRequiredField(String field, @TempDir Path dir) throws Exception {
    for (String persona : new String[] {FACEBOOK.replaceAll(",?\"" + field + "\":\"[^\"]*\"", "").replace("{,", "{"),
        FACEBOOK.replaceAll("(\"" + field + "\":\")[^\"]*\"", "$1 \"")}) {
      Path file = dir.resolve("facebook.json");
      Files.writeString(file, "{\"personas\":[" + persona + "]}");
      assertThatThrownBy(() -> FacebookPersonaBook.load(file)).hasMessageContaining("has no '" + field + "'");
    }
  }

  @Test
  void aFacebookPersonaWithoutAFieldIsNamedByItsHandleWhenItHasOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("facebook.json");
    Files.writeString(file, "{\"personas\":[" + FACEBOOK.replace(",\"email\":\"e@x\"", "") + "]}");
    assertThatThrownBy(() -> FacebookPersonaBook.load(file)).hasMessageContaining("facebook.json ('h') has no 'email'");
    Files.writeString(file, "{\"personas\":[" + FACEBOOK.replace("\"handle\":\"h\",", "") + "]}");
    assertThatThrownBy(() -> FacebookPersonaBook.load(file)).hasMessageContaining("facebook.json has no 'handle'");
  }

  @Test
  void aFacebookPersonaWithoutPagesHasNone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("facebook.json");
    Files.writeString(file, "{\"personas\":[" + FACEBOOK + "]}");
    assertThat(FacebookPersonaBook.load(file).declared("h").pages()).isEmpty();
  }

  @Test
  void completePersonasLoadWithTheirDefaults(@TempDir Path dir) throws Exception {
    Path ig = dir.resolve("instagram.json");
    Files.writeString(ig, "{\"personas\":[" + INSTAGRAM + "]}");
    assertThat(InstagramPersonaBook.load(ig).declared("h").alreadyAuthorized()).isEmpty();
    Path fb = dir.resolve("facebook.json");
    Files.writeString(fb, "{\"personas\":[" + FACEBOOK.replace("}", ",\"pages\":[{\"id\":\"9\",\"name\":\"P\"}]}") + "]}");
    FacebookPersona.Page page = FacebookPersonaBook.load(fb).declared("h").pages().get(0);
    assertThat(page.tasks()).isEmpty();
    assertThat(page.category()).isEqualTo("Local business");
    Files.writeString(fb, "{\"personas\":[" + FACEBOOK.replace("}", ",\"pages\":[{\"id\":\"9\",\"name\":\"P\",\"category\":\"Bakery\"}]}") + "]}");
    assertThat(FacebookPersonaBook.load(fb).declared("h").pages().get(0).category()).as("a declared category").isEqualTo("Bakery");
    assertThat(FacebookPersonaBook.load(fb).declared("h").instagramAccount("anything")).isEmpty();
  }

  @Test
  void aHandleDeclaredTwiceIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("instagram.json");
    Files.writeString(file, "{\"personas\":[" + INSTAGRAM + "," + INSTAGRAM + "]}");
    assertThatThrownBy(() -> InstagramPersonaBook.load(file)).hasMessageContaining("persona 'h' is declared twice");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> InstagramPersonaBook.load(dir.resolve("nope.json"))).hasMessageContaining("No personas file at");
  }
}
