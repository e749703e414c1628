package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTypesTest {
  @ParameterizedTest
  @ValueSource(strings = {"Business", "BUSINESS", "business", "Media_Creator", "MEDIA_CREATOR", " Media_Creator "})
  void businessAndCreatorAccountsLinkWhateverTheCase(String type) {
    assertThat(AccountTypes.isProfessional(type)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"Personal", "PERSONAL", "Creator Studio", "unknown"})
  void anyOtherAccountTypeIsRefused(String type) {
    assertThat(AccountTypes.isProfessional(type)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"Business,Business", "MEDIA_CREATOR,Creator", "Media_Creator,Creator", "PERSONAL,Personal"})
  void typesAreNamedAsThePersonKnowsThem(String type, String shown) {
    assertThat(AccountTypes.displayName(type)).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Creator", "creator", " CREATOR "})
  void aCreatorSpelledPlainlyIsProfessionalToo(String type) {
    assertThat(AccountTypes.isProfessional(type)).isTrue();
    assertThat(AccountTypes.displayName(type)).isEqualTo("Creator");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void aMissingTypeIsNamedUnknown(String type) {
    assertThat(AccountTypes.displayName(type)).isEqualTo("Unknown");
  }

  @Test
  void aTypeTheDashboardDoesNotKnowIsShownAsInstagramSentItWithoutSpaces() {
    assertThat(AccountTypes.displayName(" Media_Mogul ")).isEqualTo("Media_Mogul");
  }
}
