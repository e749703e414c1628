package com.linkwright.app;

/** The provider refused a call; the message is the provider's own words, safe to show (no secrets). */
public class ProviderException extends Exception {
  /** In {@link #errorCode}: the provider's answer carried no error code. */
  public static final int NO_ERROR_CODE = -1;
  private final int status;
  private final int errorCode;

  public ProviderException(int status, String message) {
    this(status, NO_ERROR_CODE, message);
  }

  public ProviderException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  /** The Graph error's {@code code} (190: the token no longer works), or {@link #NO_ERROR_CODE}. */
  public int errorCode() {
    return errorCode;
  }
}
