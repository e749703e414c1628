package com.linkwright.app;

import java.util.Locale;
import java.util.Set;

/** Instagram links only professional accounts: Business or Creator (Meta spells it Media_Creator). */
public final class AccountTypes {
  private static final Set<String> PROFESSIONAL = Set.of("business", "media_creator", "creator");

  private AccountTypes() {}

  public static boolean isProfessional(String accountType) {
    return accountType != null && PROFESSIONAL.contains(accountType.trim().toLowerCase(Locale.ROOT));
  }

  /** How the dashboard names the type to a person. */
  public static String displayName(String accountType) {
    if (accountType == null || accountType.isBlank()) {
      return "Unknown";
    }
    return switch (accountType.trim().toLowerCase(Locale.ROOT)) {
      case "business" -> "Business";
      case "media_creator", "creator" -> "Creator";
      case "personal" -> "Personal";
      default -> accountType.trim();
    };
  }
}
