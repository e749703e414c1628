package com.linkwright.stubs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Instagram personas declared in fixtures, and the per-scenario copies made of them.
 * Declared personas can log in with their declared password (for clicking through by hand);
 * {@link #issueCopy} gives a scenario an account of its own.
 */
public final class InstagramPersonaBook {
  private final DeclaredPersonas<InstagramPersona> personas;
  private final Map<String, InstagramAccountState> states = new ConcurrentHashMap<>();

  private InstagramPersonaBook(DeclaredPersonas<InstagramPersona> personas) {
    this.personas = personas;
  }

  public static InstagramPersonaBook load(Path file) {
    return new InstagramPersonaBook(DeclaredPersonas.load("Instagram", file, InstagramPersona.class));
  }

  public InstagramPersona declared(String handle) {
    return personas.declared(handle);
  }

  public List<String> handles() {
    return personas.handles();
  }

  /** A fresh account for one scenario: the declared persona with its own password and user id. */
  public InstagramPersona issueCopy(String handle) {
    return personas.issueCopy(handle);
  }

  /** What Instagram currently holds about this account (reported type, authorized apps, revocations); per copy. */
  public InstagramAccountState state(InstagramPersona persona) {
    return states.computeIfAbsent(persona.userId(), id -> new InstagramAccountState(persona));
  }

  public Optional<InstagramPersona> authenticate(String username, String password) {
    return personas.authenticate(username, password);
  }
}
