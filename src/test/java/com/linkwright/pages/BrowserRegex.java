package com.linkwright.pages;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Patterns that Playwright hands to the browser's RegExp (URL and accessible-name matches), which knows no
 * {@code \Q...\E}: literal text in them has its special characters escaped instead.
 */
public final class BrowserRegex {
  private BrowserRegex() {}

  /** {@code text} as a literal inside a browser RegExp. */
  public static String quote(String text) {
    return text.replaceAll("[.?*+^$()\\[\\]{}|\\\\/]", "\\\\$0");
  }

  /** An address on {@code origin} whose path and query begin as {@code pathRegex} says (a regex, not quoted). */
  public static Pattern urlOn(URI origin, String pathRegex) {
    return Pattern.compile("^" + quote(origin.toString()) + pathRegex);
  }
}
