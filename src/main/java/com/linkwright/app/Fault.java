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
  CONFIRMATION_SHOWS_WRONG_ACCOUNT,
  /** The dashboard does not check that its Facebook pop-up opened: when the browser blocks it, nothing is said. */
  POPUP_BLOCK_NOT_NOTICED,
  /** The dashboard acts on any window's "Facebook login finished" message, whatever its origin. */
  MESSAGE_ORIGIN_NOT_CHECKED,
  /** Whatever Instagram account the user selects, the first one Facebook offered is linked. */
  CHOSEN_ACCOUNT_IGNORED,
  /** Permissions declined on Facebook go unnoticed: the account is linked and posting fails later. */
  DECLINED_PERMISSIONS_IGNORED;
}
