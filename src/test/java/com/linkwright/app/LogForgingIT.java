package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linkwright.stubs.FacebookPersona;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's real log lines, rendered by the encoder the app logs with, when the text they carry comes from outside:
 * a dashboard user's name, and an Instagram username and a Facebook Page name that the provider reports. Each event
 * stays one line, with no control or bidi character in it, and the text is capped.
 */
class LogForgingIT {
  /** A whole fake log line after a line break, a terminal escape, a NUL and a right-to-left override. */
  private static final String FORGED = "Eve\r\n[main] INFO  com.linkwright.app.LinkingApp - workspace AAAA opened for 'admin'"
      + "\u0000\u001B[2J\u202Eexe.gnp";
  private static final String PAGE = "Mallory's Page\n[main] WARN  com.linkwright.app.LinkingApp - forged\u2028\u2066";
  private static final String USERNAME = "mallory.shop\r\n\u001B[31m";
  private static AppUnderTest app;
  private CapturedLog log;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    app = AppUnderTest.start(fixturesWithAForgingPersona(dir));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void capture() {
    log = CapturedLog.start();
  }

  @AfterEach
  void release() {
    log.close();
  }

  @Test
  void aUserNameCannotWriteALineOfItsOwn() {
    app.visitor().signIn(FORGED + "x".repeat(1000));
    String line = onlyLine("opened for");
    assertThat(line).contains("opened for 'Eve\\r\\n[main] INFO  com.linkwright.app.LinkingApp - workspace AAAA opened for 'admin'"
        + "\\u0000\\u001B[2J\\u202Eexe.gnp");
    // capped: the name's 1000 extra characters are counted, not written
    assertThat(line).contains("more]").hasSizeLessThan(LogSafe.MAX + 200);
  }

  @Test
  void aPageNameAndAnInstagramUsernameFromFacebookCannotEither() {
    Visitor me = app.visitor();
    me.signIn("Mallory's victim");
    FacebookPersona mallory = app.stubs.facebookPersonas().issueCopy("mallory.pages");
    new ProviderScreens(app, me).linkThroughFacebook(mallory, "17841400000000999");
    String line = onlyLine("through Facebook Page");
    assertThat(line).contains("linked Instagram @mallory.shop\\r\\n\\u001B[31m through Facebook Page 'Mallory's Page\\n[main] "
        + "WARN  com.linkwright.app.LinkingApp - forged\\u2028\\u2066'");
  }

  /** The one event whose message contains {@code marker}, as the app's encoder writes it; every event checked. */
  private String onlyLine(String marker) {
    List<String> lines = log.linesOf("com.linkwright.app");
    assertThat(lines).isNotEmpty().allSatisfy(line -> {
      assertThat(line).endsWith("\n");
      String body = line.substring(0, line.length() - 1);
      assertThat(body.codePoints().filter(LogForgingIT::breaksOrHides).toArray()).as("control characters in %s", body).isEmpty();
    });
    List<String> matching = lines.stream().filter(l -> l.contains(marker)).toList();
    assertThat(matching).as("log lines with '%s' in %s", marker, lines).hasSize(1);
    return matching.get(0);
  }

  private static boolean breaksOrHides(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** The project's fixtures, plus a Facebook user whose Page and Instagram account have names made to forge lines. */
  private static Path fixturesWithAForgingPersona(Path dir) throws IOException {
    Path fixtures = dir.resolve("fixtures");
    Path from = Path.of("fixtures");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path to = fixtures.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path facebook = fixtures.resolve("personas").resolve("facebook.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode book = (ObjectNode) json.readTree(facebook.toFile());
    ObjectNode mallory = ((ArrayNode) book.get("personas")).addObject()
        .put("handle", "mallory.pages").put("name", "Mallory").put("email", "mallory@forge.example")
        .put("password", "forge-2026").put("user_id", "100000000000999");
    ObjectNode page = mallory.putArray("pages").addObject().put("id", "104000000000999").put("name", PAGE).put("category", "Shop");
    page.putArray("tasks").add("MANAGE").add("CREATE_CONTENT");
    page.putObject("instagram").put("id", "17841400000000999").put("username", USERNAME).put("account_type", "Business");
    json.writeValue(facebook.toFile(), book);
    return fixtures;
  }
}
