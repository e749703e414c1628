package com.linkwright.app;

import com.linkwright.stubs.StubsMain;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the reference app alone, for clicking through by hand or for a suite run with -Duse.baseURL.
 * Arguments (all optional): --port N (7070), --instagram-url URL (the stubs, http://127.0.0.1:8089),
 * --facebook-url URL (http://127.0.0.1:8090).
 */
public final class AppMain {
  private AppMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 7070;
    URI instagram = URI.create("http://127.0.0.1:8089");
    URI facebook = URI.create("http://127.0.0.1:8090");
    for (int i = 0; i + 1 < args.length || i < args.length; i += 2) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      if (value == null) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value);
        case "--instagram-url" -> instagram = URI.create(value);
        case "--facebook-url" -> facebook = URI.create(value);
        default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'. Known: --port N, --instagram-url URL, --facebook-url URL");
      }
    }
    LinkingApp app = LinkingApp.start(port,
        InstagramSettings.stubbedAt(instagram, StubsMain.DEMO_CLIENT_ID, StubsMain.DEMO_CLIENT_SECRET),
        FacebookSettings.stubbedAt(facebook, StubsMain.DEMO_FACEBOOK_APP_ID, StubsMain.DEMO_CLIENT_SECRET), java.util.Set.of());
    Runtime.getRuntime().addShutdownHook(new Thread(app::close));
    System.out.println("Reference linking app: " + app.baseUrl() + "  (Instagram at " + instagram + ", Facebook at " + facebook + "; Ctrl+C stops it)");
    new CountDownLatch(1).await();
  }
}
