package com.linkwright.stubs;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stubbed providers alone, for clicking through by hand or pointing another app at them. The app they know
 * is the one in fixtures/registered-app.properties ({@link DemoRegistration}).
 * Arguments (all optional): --fixtures DIR, --config FILE (the registration), --instagram-port N, --facebook-port N,
 * --redirect-uri URI (Instagram's; Facebook's is the same app's /auth/facebook/callback).
 */
public final class StubsMain {
  private StubsMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path fixtures = Path.of("fixtures");
    Path config = null;
    int port = 8089;
    int facebookPort = ProviderStubs.FACEBOOK_DEFAULT_PORT;
    URI redirect = URI.create("http://localhost:7070/auth/instagram/callback");
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--fixtures" -> fixtures = Path.of(require(args[i], value));
        case "--config" -> config = Path.of(require(args[i], value));
        case "--instagram-port" -> port = Integer.parseInt(require(args[i], value));
        case "--facebook-port" -> facebookPort = Integer.parseInt(require(args[i], value));
        case "--redirect-uri" -> redirect = URI.create(require(args[i], value));
        default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
            + "'. Known: --fixtures DIR, --config FILE, --instagram-port N, --facebook-port N, --redirect-uri URI");
      }
      i++;
    }
    // before anything listens: a missing registration is named without a half-started stub behind it
    DemoRegistration registration = DemoRegistration.load(config != null ? config : fixtures.resolve(DemoRegistration.FILE_NAME));
    ProviderStubs stubs = ProviderStubs.start(fixtures, port, facebookPort);
    RegisteredApp instagramApp = registration.instagram(redirect);
    stubs.register(instagramApp);
    URI facebookRedirect = redirect.resolve("/auth/facebook/callback");
    RegisteredApp facebookApp = registration.facebook(facebookRedirect);
    stubs.registerWithFacebook(facebookApp);
    Runtime.getRuntime().addShutdownHook(new Thread(stubs::close));
    URI ig = stubs.instagramUrl();
    System.out.println("Stubbed Instagram is up (Ctrl+C stops it):");
    System.out.println("  authorize:     " + ig + "/oauth/authorize?client_id=" + instagramApp.clientId()
        + "&redirect_uri=" + ScreenAnswers.enc(redirect.toString())
        + "&response_type=code&scope=instagram_business_basic&state=try-me");
    System.out.println("  token:         POST " + ig + "/oauth/access_token");
    System.out.println("  graph:         " + ig + "/access_token, " + ig + "/me");
    System.out.println("  client_id:     " + instagramApp.clientId() + "  client_secret: " + instagramApp.clientSecret());
    System.out.println("  redirect_uri:  " + redirect);
    System.out.println("  personas:      " + String.join(", ", stubs.instagramPersonas().handles())
        + " (passwords in " + fixtures.resolve("personas/instagram.json") + ")");
    URI fb = stubs.facebookUrl();
    System.out.println("Stubbed Facebook is up:");
    System.out.println("  dialog:        " + fb + "/v23.0/dialog/oauth?client_id=" + facebookApp.clientId()
        + "&redirect_uri=" + ScreenAnswers.enc(facebookRedirect.toString())
        + "&response_type=code&scope=instagram_basic,pages_show_list&state=try-me");
    System.out.println("  graph:         " + fb + "/v23.0/oauth/access_token, /me/accounts, /me/permissions, /{id}");
    System.out.println("  personas:      " + String.join(", ", stubs.facebookPersonas().handles())
        + " (emails and passwords in " + fixtures.resolve("personas/facebook.json") + ")");
    new CountDownLatch(1).await();
  }

  private static String require(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }
}
