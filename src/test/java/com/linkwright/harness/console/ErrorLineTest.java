package com.linkwright.harness.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line of an error the console and the living guide show. */
class ErrorLineTest {
  @Test
  void aPlaywrightTimeoutSaysWhatItWaitedFor() {
    String message = """
        Error {
          message='Timeout 1500ms exceeded.
        =========================== logs ===========================
          - waiting for getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Instagram"))
        ============================================================
          name='TimeoutError
          stack='TimeoutError: Timeout 1500ms exceeded.
        }""";
    assertThat(ErrorLine.of(message)).isEqualTo("Timeout 1500ms exceeded. (waiting for getByRole(AriaRole.REGION, "
        + "new Page.GetByRoleOptions().setName(\"Instagram\")))");
  }

  @Test
  void aWebFirstAssertionSaysWhatItExpected() {
    assertThat(ErrorLine.of("Locator expected to contain text\nExpected: Business account\nReceived: Creator account"))
        .isEqualTo("Locator expected to contain text: Business account");
    assertThat(ErrorLine.of("Page expected to have URL\nExpected pattern: /social-accounts$\nReceived: /x"))
        .isEqualTo("Page expected to have URL: /social-accounts$");
  }

  @Test
  void aFirstLineThatEndsInAColonTakesTheNextOne() {
    assertThat(ErrorLine.of("Expecting actual:\n  [\"Harness or stub defects\"]\nto contain exactly:\n  [\"Product regressions\"]"))
        .isEqualTo("Expecting actual: [\"Harness or stub defects\"]");
  }

  @Test
  void anythingElseIsItsFirstLine() {
    assertThat(ErrorLine.of("Cannot invoke \"String.trim()\" because \"handle\" is null\nmore")).isEqualTo(
        "Cannot invoke \"String.trim()\" because \"handle\" is null");
    assertThat(ErrorLine.of(null)).isEqualTo("(no message)");
    assertThat(RunConsole.firstLine(new IllegalStateException("boom\nsecond"))).isEqualTo("IllegalStateException: boom");
  }
}
