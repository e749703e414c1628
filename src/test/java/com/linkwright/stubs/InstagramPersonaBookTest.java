package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstagramPersonaBookTest {
  private final InstagramPersonaBook book = InstagramPersonaBook.load(Path.of("fixtures/personas/instagram.json"));

  @Test
  void anUnknownPersonaIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> book.declared("brightside.bakry"))
        .isInstanceOf(UnknownPersonaException.class)
        .hasMessageContaining("Unknown Instagram persona 'brightside.bakry'")
        .hasMessageContaining("brightside.bakery, mila.creates, jo.personal");
  }

  @Test
  void eachScenarioGetsItsOwnAccountWithTheSameUsername() {
    InstagramPersona a = book.issueCopy("brightside.bakery");
    InstagramPersona b = book.issueCopy("brightside.bakery");
    assertThat(a.username()).isEqualTo(b.username()).isEqualTo("brightside.bakery");
    assertThat(a.password()).isNotEqualTo(b.password());
    assertThat(a.userId()).isNotEqualTo(b.userId());
    assertThat(book.authenticate("brightside.bakery", a.password())).contains(a);
    assertThat(book.authenticate("brightside.bakery", "wrong")).isEmpty();
  }

  @Test
  void aDeclaredPersonaLogsInWithItsDeclaredPasswordForClickingThroughByHand() {
    // the README's example: brightside.bakery / croissant-2026, and dana@brightside.example / sourdough-2026
    assertThat(book.authenticate("brightside.bakery", "croissant-2026")).hasValueSatisfying(p -> assertThat(p.userId()).isEqualTo("17841400000000101"));
    FacebookPersonaBook facebook = FacebookPersonaBook.load(Path.of("fixtures/personas/facebook.json"));
    assertThat(facebook.authenticate("dana@brightside.example", "sourdough-2026")).hasValueSatisfying(p -> assertThat(p.handle()).isEqualTo("dana.baker"));
    assertThat(facebook.authenticate("dana@brightside.example", null)).isEmpty();
    assertThat(book.authenticate(null, "croissant-2026")).isEmpty();
  }

  @Test
  void theHandlesAreListedAsDeclared() {
    assertThat(book.handles()).startsWith("brightside.bakery", "mila.creates", "jo.personal");
    assertThat(FacebookPersonaBook.load(Path.of("fixtures/personas/facebook.json")).handles()).startsWith("dana.baker", "sam.rivers");
  }

  @Test
  void aPersonaWithoutARequiredFieldIsRejectedWithItsName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("instagram.json");
    Files.writeString(file, "{\"personas\":[{\"handle\":\"x\",\"password\":\"p\",\"user_id\":\"1\"}]}");
    assertThatThrownBy(() -> InstagramPersonaBook.load(file)).hasMessageContaining("account_type");
  }

  @Test
  void secretsAreRedactedFromWhatTheReportShows() {
    String journal = "POST /oauth/access_token body: client_id=1&client_secret=abc&code=AQxyz&redirect_uri=x\n"
        + "answered 200 {\"data\":[{\"access_token\":\"IGAAsecret\",\"user_id\":\"1\"}]} -> http://x/cb?code=AQ1&state=s#_";
    assertThat(ProviderStubs.redact(journal)).doesNotContain("abc", "AQxyz", "IGAAsecret", "AQ1")
        .contains("client_secret=[redacted]", "\"access_token\":\"[redacted]\"", "state=s");
  }
}
