package com.linkwright.steps;

/**
 * The guide's names for Instagram's account types (Business, Creator, Personal) beside Meta's spelling, which the
 * persona fixtures use (Business, Media_Creator, Personal). Kept here, from the guide, so that no expectation is
 * computed by the app under test: where a step's own words name no type, its expected label comes from the fixture
 * through this table.
 */
final class GuideWords {
  private GuideWords() {}

  /** How the dashboard must name a type the fixtures declare in Meta's spelling. */
  static String shownAs(String metaAccountType) {
    return switch (metaAccountType) {
      case "Business" -> "Business";
      case "Media_Creator" -> "Creator";
      case "Personal" -> "Personal";
      default -> throw new IllegalArgumentException("No name in the guide for the account type '" + metaAccountType
          + "' (fixtures/personas): Business, Media_Creator or Personal");
    };
  }

  /** Meta's spelling of a professional type as the guide names it: what Instagram reports once switched to it. */
  static String metaSpelling(String professionalType) {
    return switch (professionalType) {
      case "Creator" -> "Media_Creator";
      case "Business" -> "Business";
      default -> throw new IllegalArgumentException("Switch back to Creator or Business, not '" + professionalType + "'");
    };
  }
}
