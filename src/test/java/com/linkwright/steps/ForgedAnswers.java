package com.linkwright.steps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A provider's answer, changed the way an attacker would change it before it reaches the dashboard. */
final class ForgedAnswers {
  private static final Pattern STATE = Pattern.compile("([?&]state=[^&#]*)([^&#])");

  private ForgedAnswers() {}

  /** The URL with the last character of its {@code state} changed: the nearest state the dashboard did not send. */
  static String withLastCharacterOfStateChanged(String url) {
    Matcher state = STATE.matcher(url);
    if (!state.find()) {
      throw new IllegalStateException("No state in " + url);
    }
    String changed = state.group(2).equals("A") ? "B" : "A";
    return url.substring(0, state.start()) + state.group(1) + changed + url.substring(state.end());
  }
}
