package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What LogSafe makes of text from outside; the app's real log lines are checked in LogForgingIT. */
class LogSafeTest {
  @Test
  void lineBreaksAndOtherControlsBecomeVisibleEscapes() {
    assertThat(LogSafe.text("Eve\r\n[main] INFO fake")).isEqualTo("Eve\\r\\n[main] INFO fake");
    assertThat(LogSafe.text("a\u0000b\u001B[31mc\u007Fd\u0085e\tf")).isEqualTo("a\\u0000b\\u001B[31mc\\u007Fd\\u0085e\\tf");
    assertThat(LogSafe.text("\u2028\u2029")).isEqualTo("\\u2028\\u2029");
  }

  @Test
  void everyBidiControlIsEscaped() {
    String bidi = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    String escaped = LogSafe.text(bidi);
    assertThat(escaped).isEqualTo("\\u061C\\u200E\\u200F\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069");
    assertThat(escaped.chars().allMatch(c -> c >= 0x20 && c < 0x7F)).isTrue();
  }

  @Test
  void aBackslashIsDoubledSoThatAnEscapeCannotBeFaked() {
    assertThat(LogSafe.text("a\\nb")).isEqualTo("a\\\\nb");
  }

  @Test
  void ordinaryTextIsKeptAsItIs() {
    String names = "Brightside Bakery · Nora's Garden – café ≡ 🥐 @rivers.studio \"quoted\"";
    assertThat(LogSafe.text(names)).isEqualTo(names);
    assertThat(LogSafe.text(null)).isEqualTo("null");
    assertThat(LogSafe.text("")).isEmpty();
  }

  @Test
  void longTextIsCappedAndSaysHowMuchWasLeftOut() {
    String exactly = "a".repeat(LogSafe.MAX);
    assertThat(LogSafe.text(exactly)).isEqualTo(exactly);
    assertThat(LogSafe.text(exactly + "bcd")).isEqualTo(exactly + "…[3 more]");
    // code points, not chars: a surrogate pair is never cut in half
    String emoji = "🥐".repeat(LogSafe.MAX + 1);
    assertThat(LogSafe.text(emoji)).isEqualTo("🥐".repeat(LogSafe.MAX) + "…[1 more]");
  }
}
