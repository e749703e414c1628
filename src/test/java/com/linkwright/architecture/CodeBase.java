package com.linkwright.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The project's classes as ArchUnit sees them, each side imported once per JVM however many rules read it: the
 * production code ({@code src/main}) and the test code ({@code src/test}). Plain JUnit tests check the rules against
 * these, so they run beside the other test classes instead of in an engine of their own, one after the other.
 */
final class CodeBase {
  private CodeBase() {}

  static JavaClasses main() {
    return Main.CLASSES;
  }

  static JavaClasses tests() {
    return Tests.CLASSES;
  }

  private static final class Main {
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.linkwright");
  }

  private static final class Tests {
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("com.linkwright");
  }
}
