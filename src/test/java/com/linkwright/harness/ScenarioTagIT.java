package com.linkwright.harness;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.app.LinkingApp;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The regression proof learns which scenarios reach each fault's site from the tag every request of a scenario's
 * browser context carries. Proof, in the scenarios' Chromium, that the tag goes with every kind of request the
 * scenarios make (navigations, redirects, form posts on the page's origin and to another one, same-origin fetches,
 * pop-ups, the context's own request API) and that it never turns one into a CORS preflight. A plain HTTP server on
 * two origins (localhost and 127.0.0.1, as the app and the stubs) records what arrives. Runs inside the feature suite.
 */
@ExtendWith(SharedHarness.class)
public class ScenarioTagIT {
  private static final String TAG = "features/example.feature:12";
  private record Arrived(String method, String host, String path, String tag) {}

  private final List<Arrived> arrived = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String here;
  private String elsewhere;

  @BeforeEach
  void serveTwoOrigins() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    int port = server.getAddress().getPort();
    here = "http://localhost:" + port;
    elsewhere = "http://127.0.0.1:" + port;
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    if (!path.equals("/favicon.ico")) {
      arrived.add(new Arrived(x.getRequestMethod(), x.getRequestHeaders().getFirst("Host"), path,
          x.getRequestHeaders().getFirst(LinkingApp.REQUEST_TAG_HEADER)));
    }
    x.getRequestBody().readAllBytes();
    if (path.equals("/form")) {
      // as the app answers a form: 303 to the page that shows the outcome
      x.getResponseHeaders().add("Location", "/landed");
      x.sendResponseHeaders(303, -1);
      x.close();
      return;
    }
    String html = switch (path) {
      case "/start" -> """
          <title>start</title>
          <form method="post" action="/form"><input name="n" value="1"><button>Here</button></form>
          <form method="post" action="%s/form-elsewhere"><button>Elsewhere</button></form>
          <button id="fetch" onclick="fetch('/fetched', {method: 'POST', body: new FormData(document.forms[0])})
              .then(r => r.text()).then(t => document.title = t)">Fetch</button>
          <button id="popup" onclick="window.open('/popup', 'tagged-popup', 'popup')">Pop up</button>
          """.formatted(elsewhere);
      case "/fetched" -> "fetched";
      default -> "<title>" + path.substring(1) + "</title>";
    };
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", path.equals("/fetched") ? "text/plain" : "text/html; charset=utf-8");
    x.sendResponseHeaders(200, body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  @Test
  void everyRequestOfATaggedContextCarriesTheTagAndNoneIsPreflighted(Harness harness) {
    PlaywrightWorker worker = harness.borrowBrowser();
    try (BrowserContext context = worker.browser().newContext(new Browser.NewContextOptions().setBaseURL(here)
        .setExtraHTTPHeaders(ScenarioTag.headers(TAG)))) {
      Page page = context.newPage();
      page.navigate("/start");
      page.locator("#fetch").click();
      assertThat(page).hasTitle("fetched");
      Page popup = page.waitForPopup(() -> page.locator("#popup").click());
      assertThat(popup).hasTitle("popup");
      context.request().get("/api-get");
      context.request().post("/api-post", RequestOptions.create().setForm(FormData.create().set("n", "1")));
      page.getByRole(AriaRole.BUTTON,
          new Page.GetByRoleOptions().setName("Here").setExact(true)).click();
      assertThat(page).hasTitle("landed");
      page.navigate("/start");
      page.getByRole(AriaRole.BUTTON,
          new Page.GetByRoleOptions().setName("Elsewhere").setExact(true)).click();
      assertThat(page).hasTitle("form-elsewhere");
    } finally {
      harness.giveBack(worker);
    }

    assertThat(arrived).extracting(a -> a.method() + " " + a.path()).contains("GET /start", "POST /fetched",
        "GET /popup", "GET /api-get", "POST /api-post", "POST /form", "GET /landed", "POST /form-elsewhere");
    assertThat(arrived).as("requests without the tag").allSatisfy(a -> assertThat(a.tag()).isEqualTo(TAG));
    assertThat(arrived).as("CORS preflights").noneSatisfy(a -> assertThat(a.method()).isEqualTo("OPTIONS"));
    assertThat(arrived).filteredOn(a -> a.path().equals("/form-elsewhere")).extracting(Arrived::host)
        .as("the other origin").containsOnly(elsewhere.substring("http://".length()));
  }
}
