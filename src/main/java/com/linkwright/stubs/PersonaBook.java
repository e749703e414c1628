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
 * The Instagram personas declared in fixtures, and the per-scenario copies made of them.
 * Declared personas can log in with their declared password (for clicking through by hand);
 * {@link #issueCopy} gives a scenario an account of its own.
 */
public final class PersonaBook {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Persona> declared;
  private final Map<String, Persona> byPassword = new ConcurrentHashMap<>();
  private final Map<String, InstagramAccountState> states = new ConcurrentHashMap<>();
  private final AtomicLong copies = new AtomicLong();
  private final Path source;

  private PersonaBook(Path source, Map<String, Persona> declared) {
    this.source = source;
    this.declared = declared;
    declared.values().forEach(p -> byPassword.put(key(p.username(), p.password()), p));
  }

  public static PersonaBook load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No personas file at " + file.toAbsolutePath()
          + ": the stubs read their personas from fixtures/personas/instagram.json");
    }
    try {
      PersonaFile parsed = new ObjectMapper().readValue(file.toFile(), PersonaFile.class);
      Map<String, Persona> byHandle = new LinkedHashMap<>();
      for (Persona p : parsed.personas()) {
        if (byHandle.put(p.handle(), p) != null) {
          throw new IllegalArgumentException("persona '" + p.handle() + "' is declared twice in " + file);
        }
      }
      return new PersonaBook(file, byHandle);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read personas from " + file + ": " + e.getMessage(), e);
    }
  }

  public Persona declared(String handle) {
    Persona p = declared.get(handle);
    if (p == null) {
      throw new UnknownPersonaException("Unknown Instagram persona '" + handle + "'. Known personas: "
          + String.join(", ", declared.keySet()) + " (declared in " + source + ").");
    }
    return p;
  }

  public List<String> handles() {
    return List.copyOf(declared.keySet());
  }

  /** A fresh account for one scenario: the declared persona with its own password and user id. */
  public Persona issueCopy(String handle) {
    Persona base = declared(handle);
    long n = copies.incrementAndGet();
    byte[] secret = new byte[9];
    RANDOM.nextBytes(secret);
    Persona copy = base.copy(base.password() + "-" + HexFormat.of().formatHex(secret), base.userId() + n);
    byPassword.put(key(copy.username(), copy.password()), copy);
    return copy;
  }

  /** What Instagram currently holds about this account (reported type, authorized apps, revocations); per copy. */
  public InstagramAccountState state(Persona persona) {
    return states.computeIfAbsent(persona.userId(), id -> new InstagramAccountState(persona));
  }

  public Optional<Persona> authenticate(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byPassword.get(key(username.trim(), password)));
  }

  private static String key(String username, String password) {
    return username + "\u0000" + password;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record PersonaFile(@JsonProperty("personas") List<Persona> personas) {
    PersonaFile {
      personas = personas == null ? List.of() : personas;
    }
  }
}
