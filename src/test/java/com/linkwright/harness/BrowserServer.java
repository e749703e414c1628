package com.linkwright.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Playwright's own browser server ({@code playwright run-server}), of this project's Playwright version, from its
 * dependencies: the driver in playwright-java's jar carries Node and Playwright's CLI. Started with {@code --unsafe},
 * which lets a client choose Chromium's arguments, ignoreDefaultArgs and executable: the suite needs the first two
 * for Chromium's pop-up blocker, so the server listens on 127.0.0.1 unless told otherwise.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@browser-server                          # ws://127.0.0.1:3000/
 * ./mvnw -q test-compile exec:java@browser-server -Dexec.args="--port 4000 --host 0.0.0.0"
 * </pre>
 *
 * <p>For the profile {@code -Pbrowser-server}: {@code start FILE} starts one on a free port in the background, in a
 * network namespace of its own (root only; {@code unshare -n}) where 127.0.0.1 is not this machine's, reached through a
 * bridge: the scenarios then reach the app and the stubs only through Playwright's exposeNetwork. It writes
 * browser.connect (and the Chromium it launches) into FILE for failsafe; {@code stop FILE} ends what it started.
 */
public final class BrowserServer {
  private static final Pattern LISTENING = Pattern.compile("Listening on (ws://\\S+)");

  private BrowserServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("start")) {
      startIsolated(Path.of(args[1]));
      return;
    }
    if (args.length == 2 && args[0].equals("stop")) {
      stop(Path.of(args[1]));
      return;
    }
    String port = "3000";
    String host = "127.0.0.1";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = args[i + 1];
        case "--host" -> host = args[i + 1];
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + ": use --port N and --host H.");
      }
    }
    Process server = new ProcessBuilder(runServer(port, host, true)).redirectErrorStream(true).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
    String endpoint = awaitListening(server, "the Playwright browser server");
    System.out.println("[linkwright] Playwright " + BrowserProvider.playwrightVersion() + " browser server: " + endpoint
        + (host.equals("127.0.0.1") ? "" : " (listening on " + host + ": any client that reaches it may run programs here)"));
    System.out.println("[linkwright] run the suite on it: ./mvnw verify -Dbrowser.connect=" + endpoint
        + " -Dbrowser.executable=" + new BrowserLocator(HarnessConfig.load()).locate().executable() + "   (Ctrl-C stops it)");
    server.getInputStream().transferTo(System.out);
    server.waitFor();
  }

  /** {@code node cli.js run-server ...} from the unpacked driver of this project's Playwright. */
  static List<String> runServer(String port, String host, boolean unsafe) {
    PlaywrightDriver.install();
    Path driver = Path.of(System.getProperty("playwright.cli.dir"));
    List<String> command = new ArrayList<>(List.of(driver.resolve("node").toString(),
        driver.resolve("package").resolve("cli.js").toString(), "run-server", "--port", port, "--host", host));
    if (unsafe) {
      command.add("--unsafe");
    }
    return command;
  }

  /** A server started as a test's own process: its ws:// address; ends with the process. */
  record Started(Process process, String endpoint) implements AutoCloseable {
    /** Playwright's server ends when its stdin closes (closing its browsers first); a signal if it does not. */
    @Override
    public void close() {
      try {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }

  /**
   * A server with nothing of this project's: no --unsafe (a client's arguments, ignoreDefaultArgs and executable are
   * dropped), launching the Chromium it finds in {@code browsers} laid out as {@code playwright install} lays it out.
   */
  static Started startStock(Path browsers) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(runServer(String.valueOf(freePort()), "127.0.0.1", false)).redirectErrorStream(true);
    pb.environment().put("PLAYWRIGHT_BROWSERS_PATH", browsers.toString());
    Process p = pb.start();
    return new Started(p, awaitListening(p, "the stock Playwright server"));
  }

  /** The profile's server: on a free port, in a network namespace of its own, bridged to this machine's loopback. */
  static void startIsolated(Path properties) throws IOException {
    PlaywrightDriver.install();
    Path driver = Path.of(System.getProperty("playwright.cli.dir"));
    String node = driver.resolve("node").toString();
    Path work = properties.toAbsolutePath().getParent().resolve("remote-browsers");
    Files.createDirectories(work);
    Path bridge = work.resolve("bridge.js");
    try (InputStream in = BrowserServer.class.getResourceAsStream("/remote-browsers/bridge.js")) {
      Files.copy(in, bridge, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Path socket = work.resolve("server.sock");
    Files.deleteIfExists(socket);
    // inside the namespace nothing else listens: any port does
    String inner = "3000";
    String inside = "ip link set lo up && { " + quote(node) + " " + quote(bridge.toString()) + " " + quote(socket.toString())
        + " " + inner + " & } && exec " + String.join(" ", runServer(inner, "127.0.0.1", true).stream().map(BrowserServer::quote).toList());
    Process server = new ProcessBuilder("unshare", "--net", "sh", "-c", inside).redirectErrorStream(true).start();
    String innerEndpoint;
    try {
      innerEndpoint = awaitListening(server, "the Playwright server in its network namespace (unshare --net needs root)");
    } catch (RuntimeException e) {
      server.destroy();
      throw e;
    }
    int port = freePort();
    Process hostSide = new ProcessBuilder(node, bridge.toString(), String.valueOf(port), socket.toString()).redirectErrorStream(true).start();
    awaitLine(hostSide, "bridge ", "the bridge to the server's namespace");
    String endpoint = "ws://127.0.0.1:" + port + innerEndpoint.replaceFirst("^ws://[^/]+", "");
    Properties p = new Properties();
    p.setProperty("browser.connect", endpoint);
    p.setProperty("browser.executable", new BrowserLocator(HarnessConfig.load()).locate().executable().toString());
    p.setProperty("pids", server.pid() + "," + hostSide.pid());
    write(properties, p, "Playwright " + BrowserProvider.playwrightVersion() + " server in a network namespace of its own");
    keepUntilMavenEnds(server, hostSide);
    System.out.println("[linkwright] Playwright browser server (network namespace of its own, loopback bridged): " + endpoint);
  }

  /** Ends what {@code start} started (and what they started), by the ids it wrote down. */
  static void stop(Path properties) throws IOException {
    if (!Files.isRegularFile(properties)) {
      return;
    }
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(properties)) {
      p.load(in);
    }
    for (String pid : p.getProperty("pids", "").split(",")) {
      if (!pid.isBlank()) {
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(h -> {
          h.descendants().forEach(ProcessHandle::destroy);
          h.destroy();
        });
      }
    }
    Files.delete(properties);
  }

  static void write(Path properties, Properties p, String comment) throws IOException {
    Files.createDirectories(properties.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(properties)) {
      p.store(w, comment);
    }
  }

  /** The processes' output is drained (a full pipe would stop them); they end with the JVM that started them. */
  static void keepUntilMavenEnds(Process... processes) {
    for (Process p : processes) {
      Thread drain = new Thread(() -> {
        try {
          p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
          // the process ended
        }
      }, "linkwright-remote-browser-output");
      drain.setDaemon(true);
      drain.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
      }));
    }
  }

  static String awaitListening(Process p, String what) {
    return awaitLine(p, "Listening on ", what).transform(line -> {
      Matcher m = LISTENING.matcher(line);
      return m.find() ? m.group(1) : line;
    });
  }

  /** Reads the process's output until a line containing {@code marker}; fails with what it printed if it ends first. */
  static String awaitLine(Process p, String marker, String what) {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
          if (l.contains(marker)) {
            return l;
          }
          seen.append(l).append('\n');
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    try {
      String found = line.get(120, TimeUnit.SECONDS);
      if (found == null) {
        throw new IllegalStateException(what + " did not start: " + seen.toString().trim());
      }
      return found;
    } catch (java.util.concurrent.TimeoutException e) {
      p.destroy();
      throw new IllegalStateException(what + " did not say it was listening within 2 minutes: " + seen.toString().trim());
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(what + " did not start: " + e.getMessage(), e);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

}
