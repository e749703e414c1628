package com.linkwright.app;

/**
 * A deliberate regression the reference app can be started with, to prove that the suite catches it
 * (./mvnw -Pregressions verify). Each breaks one documented behaviour the way a real bug would.
 * Only the regression runner starts the app with a fault: no setting, property or URL turns one on.
 */
public enum Fault {
  /** The callback no longer compares the OAuth state with the one it sent. */
  STATE_CHECK_SKIPPED,
  /** A Personal Instagram account is linked as if it were a Business account. */
  PERSONAL_TREATED_AS_BUSINESS,
  /** The confirmation shows the account of the previous link in this app, not the one just linked. */
  CONFIRMATION_SHOWS_WRONG_ACCOUNT;
}
