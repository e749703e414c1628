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
public final class PersonaBook {
  private final DeclaredPersonas<Persona> personas;
  private final Map<String, InstagramAccountState> states = new ConcurrentHashMap<>();

  private PersonaBook(DeclaredPersonas<Persona> personas) {
    this.personas = personas;
  }

  public static PersonaBook load(Path file) {
    return new PersonaBook(DeclaredPersonas.load("Instagram", file, Persona.class));
  }

  public Persona declared(String handle) {
    return personas.declared(handle);
  }

  public List<String> handles() {
    return personas.handles();
  }

  /** A fresh account for one scenario: the declared persona with its own password and user id. */
  public Persona issueCopy(String handle) {
    return personas.issueCopy(handle);
  }

  /** What Instagram currently holds about this account (reported type, authorized apps, revocations); per copy. */
  public InstagramAccountState state(Persona persona) {
    return states.computeIfAbsent(persona.userId(), id -> new InstagramAccountState(persona));
  }

  public Optional<Persona> authenticate(String username, String password) {
    return personas.authenticate(username, password);
  }
}
