package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a stubbed provider's WireMock server received, read back for the harness and the tests: the requests on a
 * path, and a journal of everything since an instant with what was answered, every secret redacted.
 */
final class ServedRequests {
  /** Secrets that must not reach a report or a log: tokens, codes, client secrets, passwords. */
  private static final Pattern SECRETS = Pattern.compile(
      "((?:access_token|long_lived_token|client_secret|code|password|pass|fb_exchange_token)(?:=|\"\\s*:\\s*\"))([^&\"\\s#]+)");

  private ServedRequests() {}

  /** WireMock logs to the millisecond: a request in the same millisecond as {@code since} is not before it. */
  private static boolean loggedSince(ServeEvent e, Instant since) {
    return !e.getRequest().getLoggedDate().toInstant().isBefore(since.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  static List<ProviderStubs.Seen> requests(WireMockServer server, Instant since, String path) {
    Pattern wanted = Pattern.compile("(/v[0-9.]+)?" + Pattern.quote(path));
    return server.getAllServeEvents().stream()
        .filter(e -> loggedSince(e, since))
        .filter(e -> wanted.matcher(URI.create(e.getRequest().getUrl()).getPath()).matches())
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(e -> new ProviderStubs.Seen(e.getRequest().getMethod().getName(), e.getRequest().getUrl(), e.getRequest().getBodyAsString()))
        .toList();
  }

  static List<ProviderStubs.Received> received(WireMockServer server, Instant since, String method, String path,
                                         Predicate<ServeEvent> whose) {
    Pattern wanted = Pattern.compile("(/v[0-9.]+)?" + Pattern.quote(path));
    return server.getAllServeEvents().stream()
        .filter(e -> loggedSince(e, since))
        .filter(e -> e.getRequest().getMethod().getName().equals(method)
            && wanted.matcher(URI.create(e.getRequest().getUrl()).getPath()).matches())
        .filter(whose)
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
        .map(e -> new ProviderStubs.Received(e.getRequest().getBodyAsString(), e.getResponse() == null ? "" : e.getResponse().getBodyAsString()))
        .toList();
  }

  static String journal(WireMockServer server, Instant since) {
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

  static String redact(String text) {
    return SECRETS.matcher(text).replaceAll("$1[redacted]");
  }
}
