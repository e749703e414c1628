package com.linkwright.stubs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The personas a provider's fixtures file declares, and the per-scenario copies made of them: a copy keeps the
 * declared login, with its own password and user id, so scenarios running side by side never share an account.
 * Declared personas log in with their declared password (for clicking through by hand). Shared by both providers.
 */
final class DeclaredPersonas<P extends DeclaredPersonas.Copyable<P>> {
  /** What a persona record offers for this: its handle, login, password, user id, and a copy with new secrets. */
  interface Copyable<P> {
    String handle();

    String login();

    String password();

    String userId();

    P copy(String newPassword, String newUserId);
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String provider;
  private final Path source;
  private final Map<String, P> declared;
  private final Map<String, P> byPassword = new ConcurrentHashMap<>();
  private final AtomicLong copies = new AtomicLong();

  private DeclaredPersonas(String provider, Path source, Map<String, P> declared) {
    this.provider = provider;
    this.source = source;
    this.declared = declared;
    declared.values().forEach(p -> byPassword.put(key(p.login(), p.password()), p));
  }

  /** Reads {"personas": [...]} from {@code file}; a missing file or a handle declared twice is named. */
  static <P extends Copyable<P>> DeclaredPersonas<P> load(String provider, Path file, Class<P> type) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No personas file at " + file.toAbsolutePath() + ": the stubbed " + provider
          + " reads its personas from there (fixtures/personas/)");
    }
    try {
      ObjectMapper json = new ObjectMapper();
      Map<String, P> byHandle = new LinkedHashMap<>();
      for (JsonNode node : json.readTree(file.toFile()).path("personas")) {
        P p = json.treeToValue(node, type);
        if (byHandle.put(p.handle(), p) != null) {
          throw new IllegalArgumentException(provider + " persona '" + p.handle() + "' is declared twice in " + file);
        }
      }
      return new DeclaredPersonas<>(provider, file, byHandle);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + provider + " personas from " + file + ": " + e.getMessage(), e);
    }
  }

  P declared(String handle) {
    P p = declared.get(handle);
    if (p == null) {
      throw new UnknownPersonaException("Unknown " + provider + " persona '" + handle + "'. Known personas: "
          + String.join(", ", declared.keySet()) + " (declared in " + source + ").");
    }
    return p;
  }

  List<String> handles() {
    return List.copyOf(declared.keySet());
  }

  P issueCopy(String handle) {
    P base = declared(handle);
    long n = copies.incrementAndGet();
    byte[] secret = new byte[9];
    RANDOM.nextBytes(secret);
    P copy = base.copy(base.password() + "-" + HexFormat.of().formatHex(secret), base.userId() + n);
    byPassword.put(key(copy.login(), copy.password()), copy);
    return copy;
  }

  Optional<P> authenticate(String login, String password) {
    if (login == null || password == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byPassword.get(key(login.trim(), password)));
  }

  private static String key(String login, String password) {
    return login + "\u0000" + password;
  }
}
