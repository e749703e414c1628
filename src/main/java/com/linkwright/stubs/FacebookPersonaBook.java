package com.linkwright.stubs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 * The Facebook personas declared in fixtures/personas/facebook.json, and the per-scenario copies made of them
 * (like {@link PersonaBook} for Instagram): declared personas log in with their declared password, a scenario's copy
 * with its own, so parallel scenarios never share a Facebook user.
 */
public final class FacebookPersonaBook {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, FacebookPersona> declared;
  private final Map<String, FacebookPersona> byPassword = new ConcurrentHashMap<>();
  private final AtomicLong copies = new AtomicLong();
  private final Path source;

  private FacebookPersonaBook(Path source, Map<String, FacebookPersona> declared) {
    this.source = source;
    this.declared = declared;
    declared.values().forEach(p -> byPassword.put(key(p.email(), p.password()), p));
  }

  public static FacebookPersonaBook load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No personas file at " + file.toAbsolutePath()
          + ": the stubbed Facebook reads its personas from fixtures/personas/facebook.json");
    }
    try {
      PersonaFile parsed = new ObjectMapper().readValue(file.toFile(), PersonaFile.class);
      Map<String, FacebookPersona> byHandle = new LinkedHashMap<>();
      for (FacebookPersona p : parsed.personas()) {
        if (byHandle.put(p.handle(), p) != null) {
          throw new IllegalArgumentException("Facebook persona '" + p.handle() + "' is declared twice in " + file);
        }
      }
      return new FacebookPersonaBook(file, byHandle);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Facebook personas from " + file + ": " + e.getMessage(), e);
    }
  }

  public FacebookPersona declared(String handle) {
    FacebookPersona p = declared.get(handle);
    if (p == null) {
      throw new UnknownPersonaException("Unknown Facebook persona '" + handle + "'. Known personas: "
          + String.join(", ", declared.keySet()) + " (declared in " + source + ").");
    }
    return p;
  }

  public List<String> handles() {
    return List.copyOf(declared.keySet());
  }

  /** A fresh Facebook user for one scenario: the declared persona with its own password and user id. */
  public FacebookPersona issueCopy(String handle) {
    FacebookPersona base = declared(handle);
    long n = copies.incrementAndGet();
    byte[] secret = new byte[9];
    RANDOM.nextBytes(secret);
    FacebookPersona copy = base.copy(base.password() + "-" + HexFormat.of().formatHex(secret), base.userId() + n);
    byPassword.put(key(copy.email(), copy.password()), copy);
    return copy;
  }

  public Optional<FacebookPersona> authenticate(String email, String password) {
    if (email == null || password == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byPassword.get(key(email.trim(), password)));
  }

  private static String key(String email, String password) {
    return email + "\u0000" + password;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record PersonaFile(@JsonProperty("personas") List<FacebookPersona> personas) {
    PersonaFile {
      personas = personas == null ? List.of() : personas;
    }
  }
}
