package com.linkwright.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference app alone, for clicking through by hand or for a suite run with -Duse.baseURL.
 * Arguments (all optional): --port N (7070), --instagram-url URL (the stubs, http://127.0.0.1:8089),
 * --facebook-url URL (http://127.0.0.1:8090), --config FILE (the app's registration with Meta,
 * fixtures/registered-app.properties: the one the stubs, run by hand, know).
 */
public final class AppMain {
  static final Path DEFAULT_CONFIG = Path.of("fixtures", "registered-app.properties");
  private static final String USAGE = "Known: --port N, --instagram-url URL, --facebook-url URL, --config FILE";

  private AppMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 7070;
    URI instagram = URI.create("http://127.0.0.1:8089");
    URI facebook = URI.create("http://127.0.0.1:8090");
    Path config = DEFAULT_CONFIG;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value. " + USAGE);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value);
        case "--instagram-url" -> instagram = URI.create(value);
        case "--facebook-url" -> facebook = URI.create(value);
        case "--config" -> config = Path.of(value);
        default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. " + USAGE);
      }
    }
    Properties registration = registration(config);
    LinkingApp app = LinkingApp.start(port,
        InstagramSettings.stubbedAt(instagram, required(registration, config, "instagram.client_id"),
            required(registration, config, "instagram.client_secret")),
        FacebookSettings.stubbedAt(facebook, required(registration, config, "facebook.app_id"),
            required(registration, config, "facebook.app_secret")), Set.of());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    System.out.println("Reference linking app: " + app.baseUrl() + "  (Instagram at " + instagram + ", Facebook at " + facebook + "; Ctrl+C stops it)");
    new CountDownLatch(1).await();
  }

  /** The app's registration with Meta (client ids and secrets), read from a properties file. */
  static Properties registration(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No registration file at " + file.toAbsolutePath() + ". Run from the project's folder"
          + " (it reads " + DEFAULT_CONFIG + ") or pass --config FILE with instagram.client_id, instagram.client_secret,"
          + " facebook.app_id and facebook.app_secret.");
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not read " + file + " (" + e.getMessage() + "). Check the file, or pass --config FILE.", e);
    }
    return properties;
  }

  static String required(Properties registration, Path file, String key) {
    String value = registration.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(file + " has no " + key + ". Add the line " + key + "=… (the value the providers"
          + " know this app by), or pass --config FILE with it.");
    }
    return value.trim();
  }
}
