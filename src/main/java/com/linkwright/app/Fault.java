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
  /** The image width rule counts from 1079: an image one pixel too narrow goes to Instagram. */
  IMAGE_WIDTH_OFF_BY_ONE,
  /** The image goes to Instagram (a media container is created) before the image rules have looked at it. */
  REFUSED_IMAGE_STILL_UPLOADED,
  /** "Isn't a Business or Creator account" no longer carries the guide's tip: switch to Personal and back. */
  STALE_TYPE_NOT_EXPLAINED,
  /** "400: Session Invalid" is shown as Instagram's bare answer, without the documented ways out. */
  SESSION_INVALID_FIXES_MISSING,
  /** Social Accounts shows a revoked or expired token as linked, without asking Instagram. */
  REVOKED_TOKEN_SHOWN_AS_LINKED,
  /** The dashboard does not check that its Facebook pop-up opened: when the browser blocks it, nothing is said. */
  POPUP_BLOCK_NOT_NOTICED,
  /** The dashboard acts on any window's "Facebook login finished" message, whatever its origin. */
  MESSAGE_ORIGIN_NOT_CHECKED,
  /** Whatever Instagram account the user selects, the first one Facebook offered is linked. */
  CHOSEN_ACCOUNT_IGNORED,
  /** Permissions declined on Facebook go unnoticed: the account is linked and posting fails later. */
  DECLINED_PERMISSIONS_IGNORED;
}
