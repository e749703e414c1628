package com.linkwright.stubs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stubbed providers: a WireMock server per provider, each on its own origin (127.0.0.1 and a port of its own,
 * while the app lives on localhost), each reading its mappings and pages from fixtures/&lt;provider&gt;.
 */
public final class ProviderStubs implements AutoCloseable {
  /** Secrets that must not reach a report or a log: tokens, codes, client secrets, passwords. */
  private static final Pattern SECRETS = Pattern.compile(
      "((?:access_token|long_lived_token|client_secret|code|password|pass|fb_exchange_token)(?:=|\"\\s*:\\s*\"))([^&\"\\s#]+)");

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
    return journal(facebook, since);
  }

  /**
   * What the stubbed Instagram received since {@code since}, oldest first, with every secret redacted:
   * the requests, what was answered, and for unmatched requests the nearest stubs.
   */
  public String instagramJournal(Instant since) {
    return journal(instagram, since);
  }

  /** One request the stubbed provider received: its body, and the body it answered with. */
  public record Received(String body, String answer) {}

  /**
   * What the stubbed Instagram received since {@code since} with this method on this path (a Graph version prefix
   * allowed), oldest first. Paths that carry a scenario's own IG user id see only that scenario's calls.
   */
  public List<Received> instagramReceived(Instant since, String method, String path) {
    return received(instagram, since, method, path, e -> true);
  }

  /**
   * What the stubbed Facebook received since {@code since} with this method on this path (a Graph version prefix
   * allowed), oldest first, from calls authorized with a token of this Facebook user. InstagramPersona copies share their
   * Instagram accounts' ids, so the token, not the path, tells one scenario's calls from another's.
   */
  public List<Received> facebookReceived(Instant since, String method, String path, String facebookUserId) {
    return received(facebook, since, method, path, e -> {
      return facebookUserId.equals(stubbedFacebook.userIdOf(ProviderRequest.bearer(e.getRequest())));
    });
  }

  /** One request as the stub saw it: its method, its URL (path and query) and its body. */
  public record Seen(String method, String url, String body) {}

  /** Every request the stubbed Facebook received on this path (a Graph version prefix allowed) since {@code since}. */
  public List<Seen> facebookRequests(Instant since, String path) {
    return requests(facebook, since, path);
  }

  /** Every request the stubbed Instagram received on this path since {@code since}. */
  public List<Seen> instagramRequests(Instant since, String path) {
    return requests(instagram, since, path);
  }

  /** WireMock logs to the millisecond: a request in the same millisecond as {@code since} is not before it. */
  private static boolean loggedSince(ServeEvent e, Instant since) {
    return !e.getRequest().getLoggedDate().toInstant().isBefore(since.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  private static List<Seen> requests(WireMockServer server, Instant since, String path) {
    Pattern wanted = Pattern.compile("(/v[0-9.]+)?" + Pattern.quote(path));
    return server.getAllServeEvents().stream()
        .filter(e -> loggedSince(e, since))
        .filter(e -> wanted.matcher(URI.create(e.getRequest().getUrl()).getPath()).matches())
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(e -> new Seen(e.getRequest().getMethod().getName(), e.getRequest().getUrl(), e.getRequest().getBodyAsString()))
        .toList();
  }

  private static List<Received> received(WireMockServer server, Instant since, String method, String path,
                                         java.util.function.Predicate<ServeEvent> whose) {
    Pattern wanted = Pattern.compile("(/v[0-9.]+)?" + Pattern.quote(path));
    return server.getAllServeEvents().stream()
        .filter(e -> loggedSince(e, since))
        .filter(e -> e.getRequest().getMethod().getName().equals(method)
            && wanted.matcher(URI.create(e.getRequest().getUrl()).getPath()).matches())
        .filter(whose)
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(e -> new Received(e.getRequest().getBodyAsString(), e.getResponse() == null ? "" : e.getResponse().getBodyAsString()))
        .toList();
  }

  private static String journal(WireMockServer server, Instant since) {
    List<ServeEvent> events = server.getAllServeEvents().stream()
        .filter(e -> loggedSince(e, since))
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .toList();
    StringBuilder out = new StringBuilder();
    for (ServeEvent e : events) {
      LoggedRequest r = e.getRequest();
      out.append(r.getLoggedDate().toInstant()).append("  ").append(r.getMethod()).append(' ').append(r.getUrl()).append('\n');
      String body = r.getBodyAsString();
      if (body != null && !body.isEmpty()) {
        out.append("    body: ").append(body).append('\n');
      }
      if (e.getWasMatched()) {
        out.append("    matched: ").append(e.getStubMapping().getName()).append('\n');
        out.append("    answered: ").append(e.getResponse().getStatus());
        String location = e.getResponse().getHeaders().getHeader("Location").isPresent()
            ? e.getResponse().getHeaders().getHeader("Location").firstValue() : null;
        if (location != null) {
          out.append(" -> ").append(location);
        }
        String type = e.getResponse().getHeaders().getContentTypeHeader().mimeTypePart();
        if (type != null && type.contains("json")) {
          out.append("  ").append(e.getResponse().getBodyAsString());
        }
        out.append('\n');
      } else {
        out.append("    NOT MATCHED; nearest stubs:\n");
        server.findNearMissesFor(r).stream().limit(3).forEach(nm ->
            out.append("      ").append(nm.getStubMapping().getName()).append(" (distance ")
                .append(String.format("%.2f", nm.getMatchResult().getDistance())).append(")\n"));
      }
    }
    if (events.isEmpty()) {
      out.append("(no requests)\n");
    }
    return redact(out.toString());
  }

  public static String redact(String text) {
    return SECRETS.matcher(text).replaceAll("$1[redacted]");
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
