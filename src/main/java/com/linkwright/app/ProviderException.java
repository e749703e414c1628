package com.linkwright.app;

/** The provider refused a call; the message is the provider's own words, safe to show (no secrets). */
public class ProviderException extends Exception {
  private final int status;

  public ProviderException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
