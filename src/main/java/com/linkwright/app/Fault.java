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
  DECLINED_PERMISSIONS_IGNORED,
  /** Only a declined publishing permission is noticed: another permission declined on Facebook goes unnamed. */
  ONLY_PUBLISHING_PERMISSION_CHECKED,
  /** A linked account shows a "Missing permissions" warning although every permission was granted. */
  MISSING_PERMISSIONS_WARNED_WHEN_ALL_GRANTED,
  /** The "Pop-ups are blocked" warning is on the Social Accounts page from the start, before any pop-up was tried. */
  POPUP_BLOCKED_WARNING_SHOWN_UP_FRONT,
  /** The dashboard checks a message's host name only: a page on another port of the same host can finish the link. */
  MESSAGE_ORIGIN_HOST_ONLY,
  /** The callback compares only the beginning of the state: a state with its end changed is taken. */
  STATE_COMPARED_BY_PREFIX,
  /** The Instagram callback leaves the state in place: the same answer can be brought back again. */
  STATE_NOT_SPENT,
  /** GIF images are refused, although Instagram's rules take them (as a still, sent as a JPEG). */
  GIF_REFUSED,
  /** An Instagram account Facebook did not offer, chosen by a tampered form, links the first account it did offer. */
  UNOFFERED_ACCOUNT_LINKED,
  /** The account choice writes the Instagram username Facebook sent into the page as markup, not text. */
  CHOICE_USERNAME_NOT_ESCAPED,
  /** The Social Accounts card writes the Facebook Page name as markup, not text. */
  PAGE_NAME_NOT_ESCAPED;
}
