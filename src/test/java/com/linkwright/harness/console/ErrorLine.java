package com.linkwright.harness.console;

/**
 * The line of an error a person reads first. Playwright's errors begin "Error {" and bury the message (and, for a
 * timeout, the locator it waited for) on the lines after; its web-first assertions say what they expected on the
 * line after their first; a first line that ends in a colon (AssertJ's "Expecting actual:") has its value on the next:
 * those are what is shown.
 */
public final class ErrorLine {
  private ErrorLine() {}

  public static String of(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    String[] lines = message.strip().split("\\R");
    String first = lines[0].trim();
    if (first.equals("Error {")) {
      String said = "";
      String waited = "";
      for (String line : lines) {
        String t = line.trim();
        if (said.isEmpty() && t.startsWith("message='")) {
          said = t.substring("message='".length());
        } else if (waited.isEmpty() && t.startsWith("- waiting for ")) {
          waited = t.substring(2);
        }
      }
      return said + (waited.isEmpty() ? "" : " (" + waited + ")");
    }
    if (first.matches("(Locator|Page|Response) expected .*")) {
      for (String line : lines) {
        if (line.matches("Expected( \\w+)?: .*")) {
          return first.replaceFirst(":?\\s*$", "") + ": " + line.substring(line.indexOf(':') + 1).trim();
        }
      }
    }
    if (first.endsWith(":") && lines.length > 1) {
      // AssertJ's "Expecting actual:" and the like: the value is on the next line
      return first + " " + lines[1].trim();
    }
    return first;
  }
}
