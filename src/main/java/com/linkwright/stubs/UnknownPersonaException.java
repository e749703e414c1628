package com.linkwright.stubs;

/** A feature named a persona that fixtures/personas does not declare. */
public class UnknownPersonaException extends IllegalArgumentException {
  public UnknownPersonaException(String message) {
    super(message);
  }
}
