package com.linkwright.harness;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A real Selenium Grid 4 for the profile {@code -Pselenium-grid}: Selenium's own server (org.seleniumhq.selenium:
 * selenium-grid from Maven Central, which the profile adds) as a standalone hub and node on a free port of 127.0.0.1,
 * driving Chromium through the chromedriver on the PATH (Debian: {@code apt-get install chromium-driver}); no Selenium
 * Manager (it would download drivers). {@code start FILE} waits until the Grid is ready and writes browser.grid (and the
 * node's Chromium) into FILE for failsafe; {@code stop FILE} ends it ({@link BrowserServer#stop}).
 */
public final class SeleniumGridServer {
  private SeleniumGridServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("start")) {
      start(Path.of(args[1]));
    } else if (args.length == 2 && args[0].equals("stop")) {
      BrowserServer.stop(Path.of(args[1]));
    } else {
      throw new IllegalArgumentException("Use: start FILE | stop FILE");
    }
  }

  static void start(Path properties) throws IOException, InterruptedException {
    Path chromedriver = java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(d -> Path.of(d, "chromedriver")).filter(java.nio.file.Files::isExecutable).findFirst()
        .orElseThrow(() -> new IllegalStateException("No chromedriver on the PATH for the Selenium Grid's node: "
            + "apt-get install chromium-driver (Debian's, of the same version as its chromium)."));
    int port = BrowserServer.freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath(), "org.openqa.selenium.grid.Main", "standalone", "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--selenium-manager", "false", "--detect-drivers", "true", "--max-sessions", "2", "--session-request-timeout", "120"));
    Process grid = new ProcessBuilder(command).redirectErrorStream(true).start();
    String url = "http://127.0.0.1:" + port;
    BrowserServer.awaitLine(grid, "Started Selenium Standalone", "the Selenium Grid");
    awaitReady(grid, url);
    Properties p = new Properties();
    p.setProperty("browser.grid", url);
    p.setProperty("browser.executable", new BrowserLocator(HarnessConfig.load()).locate().executable().toString());
    p.setProperty("pids", String.valueOf(grid.pid()));
    BrowserServer.write(properties, p, "Selenium Grid standalone, chromedriver " + chromedriver);
    BrowserServer.keepUntilMavenEnds(grid);
    System.out.println("[linkwright] Selenium Grid (standalone, " + chromedriver + "): " + url);
  }

  /** Selenium's jars: this JVM's classpath (exec:java's, with the profile's selenium-grid). */
  private static String classpath() {
    List<String> entries = new ArrayList<>();
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader urls) {
      for (URL u : urls.getURLs()) {
        entries.add(new File(URI.create(u.toString())).getPath());
      }
    }
    return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
  }

  /** Started means listening; ready means a node with Chromium has joined: the Grid says which in /status. */
  private static void awaitReady(Process grid, String url) throws IOException, InterruptedException {
    String status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/status"))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    if (!status.replace(" ", "").contains("\"ready\":true")) {
      grid.destroy();
      throw new IllegalStateException("The Selenium Grid started without a Chromium node (no chromedriver it could use?): "
          + status);
    }
  }
}
