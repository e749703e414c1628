package com.linkwright.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the dashboard over plain HTTP, with its own cookie jar (for the app's and the stubs' origins) and no
 * automatic redirects, so a test sees every hop. Methods take a path on the app ("/settings") or a whole URL.
 */
public final class Visitor {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private final Map<String, String> headers = new LinkedHashMap<>();

  Visitor(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A header sent with every later request (e.g. Origin or Sec-Fetch-Site, as a browser would send them). */
  public Visitor withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Visitor withoutHeader(String name) {
    headers.remove(name);
    return this;
  }

  public HttpResponse<String> get(String pathOrUrl) {
    return send(request(pathOrUrl).GET());
  }

  /** A urlencoded form; pairs of name, value (a name may repeat). */
  public HttpResponse<String> post(String pathOrUrl, String... nameValuePairs) {
    return postRaw(pathOrUrl, "application/x-www-form-urlencoded", form(nameValuePairs));
  }

  /** Any body with any content type: for malformed and oversized requests. */
  public HttpResponse<String> postRaw(String pathOrUrl, String contentType, String body) {
    return send(request(pathOrUrl).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A urlencoded form with these headers on this request only (as a browser would send Origin, Sec-Fetch-Site). */
  public HttpResponse<String> postWithHeaders(String pathOrUrl, Map<String, String> requestHeaders, String... nameValuePairs) {
    HttpRequest.Builder b = request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded");
    requestHeaders.forEach(b::header);
    return send(b.POST(HttpRequest.BodyPublishers.ofString(form(nameValuePairs))));
  }

  /** A body sent in chunks, with no Content-Length announcing its size (as a streaming client does). */
  public HttpResponse<String> postChunked(String pathOrUrl, String contentType, byte[] body) {
    return send(request(pathOrUrl).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
  }

  /** A body of bytes with any content type: for uploads (multipart/form-data built by the test). */
  public HttpResponse<String> postBytes(String pathOrUrl, String contentType, byte[] body) {
    return send(request(pathOrUrl).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Follows redirects from {@code response} (GET, as a browser does after a 303) and returns the last answer. */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> r = response;
    for (int hops = 0; r.statusCode() / 100 == 3; hops++) {
      if (hops == 20) {
        throw new AssertionError("More than 20 redirects from " + response.uri());
      }
      r = get(r.uri().resolve(location(r)).toString());
    }
    return r;
  }

  /** Signs in as a new dashboard user with this name; returns the Social Accounts page it lands on. */
  public HttpResponse<String> signIn(String name) {
    return follow(postSignIn("name", name));
  }

  /** The sign-in form's post as the sign-in page sends it: read the page (its token and cookie), then post these fields. */
  public HttpResponse<String> postSignIn(String... nameValuePairs) {
    String token = signInToken();
    String[] form = new String[nameValuePairs.length + 2];
    form[0] = "csrf";
    form[1] = token;
    System.arraycopy(nameValuePairs, 0, form, 2, nameValuePairs.length);
    return post("/signin", form);
  }

  /** The token of the sign-in form, read from the sign-in page (which sets this visitor's pre-session cookie). */
  public String signInToken() {
    return find(CSRF, get("/signin").body(), "the sign-in form's token");
  }

  /** The CSRF token of this visitor's workspace, read from the Social Accounts page. */
  public String csrf() {
    return find(CSRF, get("/social-accounts").body(), "the dashboard's form token");
  }

  public static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("No Location in the " + response.statusCode() + " answer of " + response.uri()
            + ":\n" + response.body()));
  }

  /** The cookies this visitor holds for the app's origin, as "name=value". */
  public List<String> appCookies() {
    List<String> out = new ArrayList<>();
    cookies.getCookieStore().get(base).forEach(c -> out.add(c.getName() + "=" + c.getValue()));
    return out;
  }

  public static String find(Pattern pattern, String html, String what) {
    Matcher m = pattern.matcher(html);
    if (!m.find()) {
      throw new AssertionError("Could not find " + what + " in:\n" + html);
    }
    return m.group(1);
  }

  private HttpRequest.Builder request(String pathOrUrl) {
    URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    headers.forEach(b::header);
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("Form fields come in name, value pairs");
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return parts.stream().collect(Collectors.joining("&"));
  }
}
