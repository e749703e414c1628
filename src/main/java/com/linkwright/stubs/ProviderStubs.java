package com.linkwright.stubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The stubbed providers: a WireMock server per provider, each on its own origin (127.0.0.1 and a port of its own,
 * while the app lives on localhost), each reading its mappings and pages from fixtures/&lt;provider&gt;.
 */
public final class ProviderStubs implements AutoCloseable {
  /** Where the stubbed Facebook listens when the app runs elsewhere (beside Instagram's 8089). */
  public static final int FACEBOOK_DEFAULT_PORT = 8090;

  private final WireMockServer instagram;
  private final StubbedInstagram stubbedInstagram;
  private final InstagramPersonaBook instagramPersonas;
  private final WireMockServer facebook;
  private final StubbedFacebook stubbedFacebook;
  private final FacebookPersonaBook facebookPersonas;

  private ProviderStubs(WireMockServer instagram, StubbedInstagram stubbedInstagram, InstagramPersonaBook instagramPersonas,
                        WireMockServer facebook, StubbedFacebook stubbedFacebook, FacebookPersonaBook facebookPersonas) {
    this.instagram = instagram;
    this.stubbedInstagram = stubbedInstagram;
    this.instagramPersonas = instagramPersonas;
    this.facebook = facebook;
    this.stubbedFacebook = stubbedFacebook;
    this.facebookPersonas = facebookPersonas;
  }

  /** Starts the stubs; a port of 0 picks a free one (Facebook then too; else Facebook is on its usual 8090). */
  public static ProviderStubs start(Path fixtures, int instagramPort) {
    return start(fixtures, instagramPort, instagramPort == 0 ? 0 : FACEBOOK_DEFAULT_PORT);
  }

  /** Starts the stubs, each provider on its own port (0 picks a free one). */
  public static ProviderStubs start(Path fixtures, int instagramPort, int facebookPort) {
    Path igRoot = fixtures.resolve("instagram");
    if (!Files.isDirectory(igRoot.resolve("mappings"))) {
      throw new IllegalStateException("No Instagram stubs at " + igRoot.toAbsolutePath()
          + "/mappings: run from the project's top folder, or name the fixtures folder");
    }
    InstagramPersonaBook personas = InstagramPersonaBook.load(fixtures.resolve("personas").resolve("instagram.json"));
    StubbedInstagram igStub = new StubbedInstagram(personas);
    WireMockServer ig = new WireMockServer(options()
        .bindAddress("127.0.0.1")
        .port(instagramPort)
        .usingFilesUnderDirectory(igRoot.toString())
        // the pages show persona names and what the visitor typed: as text, escaped, as Meta's own pages do
        // (WireMock 3 renders templates unescaped by default)
        .withTemplateEscapingDisabled(false)
        .notifier(new Slf4jNotifier(false))
        .extensions(igStub));
    try {
      ig.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("The stubbed Instagram could not listen on 127.0.0.1:" + instagramPort
          + " (" + rootCause(e) + "). Free the port or choose another.", e);
    }
    Path fbRoot = fixtures.resolve("facebook");
    if (!Files.isDirectory(fbRoot.resolve("mappings"))) {
      ig.stop();
      throw new IllegalStateException("No Facebook stubs at " + fbRoot.toAbsolutePath() + "/mappings");
    }
    FacebookPersonaBook fbPersonas = FacebookPersonaBook.load(fixtures.resolve("personas").resolve("facebook.json"));
    StubbedFacebook fbStub = new StubbedFacebook(fbPersonas);
    WireMockServer fb = new WireMockServer(options()
        .bindAddress("127.0.0.1")
        .port(facebookPort)
        .usingFilesUnderDirectory(fbRoot.toString())
        .withTemplateEscapingDisabled(false)
        .notifier(new Slf4jNotifier(false))
        .extensions(fbStub));
    try {
      fb.start();
    } catch (RuntimeException e) {
      ig.stop();
      throw new IllegalStateException("The stubbed Facebook could not listen on 127.0.0.1:" + facebookPort
          + " (" + rootCause(e) + "). Free the port or choose another.", e);
    }
    return new ProviderStubs(ig, igStub, personas, fb, fbStub, fbPersonas);
  }

  public URI instagramUrl() {
    return URI.create("http://127.0.0.1:" + instagram.port());
  }

  public InstagramPersonaBook instagramPersonas() {
    return instagramPersonas;
  }

  public void register(RegisteredApp instagramApp) {
    stubbedInstagram.register(instagramApp);
  }

  public URI facebookUrl() {
    return URI.create("http://127.0.0.1:" + facebook.port());
  }

  public FacebookPersonaBook facebookPersonas() {
    return facebookPersonas;
  }

  /** The app as registered with Facebook: its own app id and secret, and its Facebook callback. */
  public void registerWithFacebook(RegisteredApp facebookApp) {
    stubbedFacebook.register(facebookApp);
  }

  /** What the stubbed Facebook received since {@code since}, oldest first, secrets redacted. */
  public String facebookJournal(Instant since) {
    return ServedRequests.journal(facebook, since);
  }

  /**
   * What the stubbed Instagram received since {@code since}, oldest first, with every secret redacted:
   * the requests, what was answered, and for unmatched requests the nearest stubs.
   */
  public String instagramJournal(Instant since) {
    return ServedRequests.journal(instagram, since);
  }

  /** One request the stubbed provider received: its body, and the body it answered with. */
  public record Received(String body, String answer) {}

  /**
   * What the stubbed Instagram received since {@code since} with this method on this path (a Graph version prefix
   * allowed), oldest first. Paths that carry a scenario's own IG user id see only that scenario's calls.
   */
  public List<Received> instagramReceived(Instant since, String method, String path) {
    return ServedRequests.received(instagram, since, method, path, e -> true);
  }

  /**
   * What the stubbed Facebook received since {@code since} with this method on this path (a Graph version prefix
   * allowed), oldest first, from calls authorized with a token of this Facebook user. InstagramPersona copies share their
   * Instagram accounts' ids, so the token, not the path, tells one scenario's calls from another's.
   */
  public List<Received> facebookReceived(Instant since, String method, String path, String facebookUserId) {
    return ServedRequests.received(facebook, since, method, path, e -> {
      return facebookUserId.equals(stubbedFacebook.userIdOf(ProviderRequest.bearer(e.getRequest())));
    });
  }

  /** One request as the stub saw it: its method, its URL (path and query) and its body. */
  public record Seen(String method, String url, String body) {}

  /** Every request the stubbed Facebook received on this path (a Graph version prefix allowed) since {@code since}. */
  public List<Seen> facebookRequests(Instant since, String path) {
    return ServedRequests.requests(facebook, since, path);
  }

  /** Every request the stubbed Instagram received on this path since {@code since}. */
  public List<Seen> instagramRequests(Instant since, String path) {
    return ServedRequests.requests(instagram, since, path);
  }

  /** {@code text} with every token, code, client secret and password in it replaced by "[redacted]". */
  public static String redact(String text) {
    return ServedRequests.redact(text);
  }

  @Override
  public void close() {
    instagram.stop();
    facebook.stop();
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
