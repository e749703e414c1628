package com.linkwright.app;

/**
 * Text from outside (a dashboard user's name, an Instagram username, a Page name, a provider's error message) made
 * fit for one log line: every control, format and separator character (CR, LF, NUL, ESC, DEL, C1, the bidi controls
 * such as U+202E, U+2028) is written as an escape, a backslash as two, and the text is capped, so that nobody can
 * write a line of their own into the log, hide part of one, or flood it. Every log call that carries such text passes
 * it through {@link #text}.
 */
final class LogSafe {
  /** Code points kept of one value: more than any username, Page name or provider message we have seen. */
  static final int MAX = 200;

  private LogSafe() {}

  static String text(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 16);
    int kept = 0;
    int i = 0;
    while (i < s.length() && kept < MAX) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      kept++;
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format("\\u%04X", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    }
    int left = s.codePointCount(i, s.length());
    if (left > 0) {
      out.append("…[").append(left).append(" more]");
    }
    return out.toString();
  }

  private static boolean needsEscape(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
           Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
      default -> false;
    };
  }
}
