package com.linkwright.stubs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Facebook personas declared in fixtures/personas/facebook.json, and the per-scenario copies made of them
 * (like {@link InstagramPersonaBook} for Instagram): declared personas log in with their declared password, a scenario's copy
 * with its own, so parallel scenarios never share a Facebook user.
 */
public final class FacebookPersonaBook {
  private final DeclaredPersonas<FacebookPersona> personas;

  private FacebookPersonaBook(DeclaredPersonas<FacebookPersona> personas) {
    this.personas = personas;
  }

  public static FacebookPersonaBook load(Path file) {
    return new FacebookPersonaBook(DeclaredPersonas.load("Facebook", file, FacebookPersona.class));
  }

  public FacebookPersona declared(String handle) {
    return personas.declared(handle);
  }

  public List<String> handles() {
    return personas.handles();
  }

  /** A fresh account for one scenario: the declared persona with its own password and user id. */
  public FacebookPersona issueCopy(String handle) {
    return personas.issueCopy(handle);
  }

  public Optional<FacebookPersona> authenticate(String email, String password) {
    return personas.authenticate(email, password);
  }
}
