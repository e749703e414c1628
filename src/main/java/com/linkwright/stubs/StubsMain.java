package com.linkwright.stubs;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stubbed providers alone, for clicking through by hand or pointing another app at them.
 * Arguments (all optional): --fixtures DIR, --instagram-port N, --facebook-port N, --redirect-uri URI (Instagram's;
 * Facebook's is the same app's /auth/facebook/callback).
 */
public final class StubsMain {
  public static final String DEMO_CLIENT_ID = "990001112223334";
  public static final String DEMO_CLIENT_SECRET = "linkwright-demo-secret";
  /** The dashboard's Meta app id for Facebook Login (a different product from Instagram Login, so its own id). */
  public static final String DEMO_FACEBOOK_APP_ID = "990001112225555";

  private StubsMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path fixtures = Path.of("fixtures");
    int port = 8089;
    int facebookPort = ProviderStubs.FACEBOOK_DEFAULT_PORT;
    URI redirect = URI.create("http://localhost:7070/auth/instagram/callback");
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--fixtures" -> fixtures = Path.of(require(args[i], value));
        case "--instagram-port" -> port = Integer.parseInt(require(args[i], value));
        case "--facebook-port" -> facebookPort = Integer.parseInt(require(args[i], value));
        case "--redirect-uri" -> redirect = URI.create(require(args[i], value));
        default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
            + "'. Known: --fixtures DIR, --instagram-port N, --facebook-port N, --redirect-uri URI");
      }
      i++;
    }
    ProviderStubs stubs = ProviderStubs.start(fixtures, port, facebookPort);
    stubs.register(new RegisteredApp("Linkwright Dashboard", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, redirect));
    URI facebookRedirect = redirect.resolve("/auth/facebook/callback");
    stubs.registerWithFacebook(new RegisteredApp("Linkwright Dashboard", DEMO_FACEBOOK_APP_ID, DEMO_CLIENT_SECRET, facebookRedirect));
    Runtime.getRuntime().addShutdownHook(new Thread(stubs::close));
    URI ig = stubs.instagramUrl();
    System.out.println("Stubbed Instagram is up (Ctrl+C stops it):");
    System.out.println("  authorize:     " + ig + "/oauth/authorize?client_id=" + DEMO_CLIENT_ID
        + "&redirect_uri=" + InstagramOAuth.enc(redirect.toString())
        + "&response_type=code&scope=instagram_business_basic&state=try-me");
    System.out.println("  token:         POST " + ig + "/oauth/access_token");
    System.out.println("  graph:         " + ig + "/access_token, " + ig + "/me");
    System.out.println("  client_id:     " + DEMO_CLIENT_ID + "  client_secret: " + DEMO_CLIENT_SECRET);
    System.out.println("  redirect_uri:  " + redirect);
    System.out.println("  personas:      " + String.join(", ", stubs.instagramPersonas().handles())
        + " (passwords in " + fixtures.resolve("personas/instagram.json") + ")");
    URI fb = stubs.facebookUrl();
    System.out.println("Stubbed Facebook is up:");
    System.out.println("  dialog:        " + fb + "/v23.0/dialog/oauth?client_id=" + DEMO_FACEBOOK_APP_ID
        + "&redirect_uri=" + InstagramOAuth.enc(facebookRedirect.toString())
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
