package com.linkwright.stubs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The dashboard as registered with Meta for running the stubs and the app by hand: its Instagram Login client id and
 * secret, its Facebook Login app id and secret, read from {@code fixtures/registered-app.properties} (or another file
 * of the same keys). The one place these demo values live; a test run registers its own secrets instead.
 */
public record DemoRegistration(String instagramClientId, String instagramClientSecret, String facebookAppId,
                               String facebookAppSecret) {
  /** The registration's file in the fixtures folder. */
  public static final String FILE_NAME = "registered-app.properties";
  /** The name the stubbed providers show on their screens ("… wants to access …"). */
  public static final String APP_NAME = "Linkwright Dashboard";

  /** The registration in fixtures/registered-app.properties, from the project's top folder. */
  public static DemoRegistration demo() {
    return load(Path.of("fixtures").resolve(FILE_NAME));
  }

  /** Reads the four keys from {@code file}; a missing file or key fails here, naming the file and the key. */
  public static DemoRegistration load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No app registration at " + file.toAbsolutePath() + ": run from the project's top "
          + "folder, or name a file with --config FILE (keys: instagram.client_id, instagram.client_secret, "
          + "facebook.app_id, facebook.app_secret)");
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the app registration " + file + ": " + e.getMessage(), e);
    }
    return new DemoRegistration(required(p, file, "instagram.client_id"), required(p, file, "instagram.client_secret"),
        required(p, file, "facebook.app_id"), required(p, file, "facebook.app_secret"));
  }

  /** The app as registered with Instagram Login, with the one redirect URI it may use. */
  public RegisteredApp instagram(URI redirectUri) {
    return new RegisteredApp(APP_NAME, instagramClientId, instagramClientSecret, redirectUri);
  }

  /** The app as registered with Facebook Login (its own app id), with its Facebook callback. */
  public RegisteredApp facebook(URI redirectUri) {
    return new RegisteredApp(APP_NAME, facebookAppId, facebookAppSecret, redirectUri);
  }

  @Override
  public String toString() {
    return "DemoRegistration[instagram.client_id=" + instagramClientId + ", facebook.app_id=" + facebookAppId + "]";
  }

  private static String required(Properties p, Path file, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("The app registration " + file + " has no '" + key + "': add a line "
          + key + "=… (the value the app presents to the stubbed provider)");
    }
    return value.trim();
  }
}
