package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The app's calls to a provider survive a kept-alive connection that the provider closed: the next call goes out on a
 * new connection instead of failing with "could not be reached" (seen in the regression proof, where it made a
 * scenario fail for a reason that was not its fault's).
 */
class ProviderHttpIT {

  @Test
  void aPostOnAConnectionTheProviderClosedGoesOutAgainOnANewOne() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      serveEach(server, "provider-that-drops-kept-alive-connections", s -> answerOnceThenDrop(s, connections, answered));
      ProviderHttp http = new ProviderHttp("Instagram");
      URI token = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/oauth/access_token");
      for (int call = 1; call <= 3; call++) {
        JsonNode body = http.send(HttpRequest.newBuilder(token).POST(HttpRequest.BodyPublishers.ofString("code=c" + call)));
        assertThat(body.path("access_token").asText()).as("call %d", call).isEqualTo("t");
      }
      assertThat(answered).hasValue(3);
      assertThat(connections.get()).as("each call after the first found its connection closed").isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aProviderThatNeverAnswersIsTriedTwiceThenCouldNotBeReached() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      serveEach(server, "provider-that-drops-every-request", s -> {
        try (s) {
          connections.incrementAndGet();
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        }
      });
      URI token = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/oauth/access_token");
      assertThatThrownBy(() -> new ProviderHttp("Instagram").send(HttpRequest.newBuilder(token).POST(HttpRequest.BodyPublishers.ofString("code=c"))))
          .isInstanceOf(ProviderException.class).hasMessage("Instagram could not be reached (IOException)");
      assertThat(connections).hasValue(2);
    }
  }

  @Test
  void aProviderThatTakesTooLongIsNotAskedAgain() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      java.util.List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
      serveEach(server, "provider-that-never-answers", s -> {
        held.add(s); // kept open, never answered
        connections.incrementAndGet();
      });
      URI token = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/oauth/access_token");
      assertThatThrownBy(() -> new ProviderHttp("Facebook").send(HttpRequest.newBuilder(token).POST(HttpRequest.BodyPublishers.ofString("code=c")),
          java.time.Duration.ofMillis(300)))
          .isInstanceOf(ProviderException.class).hasMessage("Facebook could not be reached (HttpTimeoutException)");
      assertThat(connections).as("one wait of the timeout, not two").hasValue(1);
      for (Socket s : held) {
        s.close();
      }
    }
  }

  /** What the test's provider does with one connection it accepted. */
  private interface Connection {
    void handle(Socket accepted) throws IOException;
  }

  /** Accepts connections on {@code server} until it is closed, each handled in turn, on a thread of its own. */
  private static void serveEach(ServerSocket server, String name, Connection connection) {
    Thread provider = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          connection.handle(server.accept());
        } catch (IOException e) {
          // the test closed the server, or the client went away
        }
      }
    }, name);
    provider.setDaemon(true);
    provider.start();
  }

  /**
   * Answers the first request on the connection with keep-alive, then closes it when the next request arrives on
   * it, without answering: what a server's idle timeout does to a client that reuses the connection.
   */
  private static void answerOnceThenDrop(Socket accepted, AtomicInteger connections, AtomicInteger answered) throws IOException {
    try (Socket s = accepted) {
      connections.incrementAndGet();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      int length = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      for (int i = 0; i < length; i++) {
        in.read();
      }
      String json = "{\"access_token\":\"t\",\"user_id\":1}";
      OutputStream out = s.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
          + "\r\nConnection: keep-alive\r\n\r\n" + json).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      answered.incrementAndGet();
      // the next request on this connection gets no answer: the connection closes as it arrives
      in.readLine();
    }
  }
}
