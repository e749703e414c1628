package com.linkwright.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the three parts, checked on the production code ({@code src/main}): the reference app (the system
 * under test) never reaches the stubbed providers or the harness, the stubs never reach the app, and nothing in
 * {@code src/main} reaches test code. Only the harness (and each part's own {@code main}) wires the parts together; the
 * app's and the stubs' own tests may start both, as the harness does. The harness's inner layers (pages, steps, flows)
 * have rules of their own beside this file's.
 */
class ArchitectureTest {
  static final String APP = "com.linkwright.app..";
  static final String STUBS = "com.linkwright.stubs..";
  static final String[] HARNESS = {"com.linkwright.harness..", "com.linkwright.steps..", "com.linkwright.pages..",
      "com.linkwright.flows..", "com.linkwright.suite..", "com.linkwright.deliberate.."};

  static final ArchRule theAppReachesNeitherTheStubsNorTheHarness = noClasses().that().resideInAPackage(APP)
      .should().dependOnClassesThat().resideInAnyPackage(concat(STUBS, HARNESS))
      .because("the app is the system under test: it must run against the real Meta as well as against its stubs");

  static final ArchRule theStubsReachNeitherTheAppNorTheHarness = noClasses().that().resideInAPackage(STUBS)
      .should().dependOnClassesThat().resideInAnyPackage(concat(APP, HARNESS))
      .because("the stubs play Meta, which knows nothing of the dashboard but what it registered");

  static final ArchRule mainCodeNeverReachesTestCode = noClasses()
      .should().dependOnClassesThat(inTestCode())
      .because("src/main runs without the test classpath");

  /**
   * The names of the test classes, read from the folder this class was loaded from (target/test-classes): a listing,
   * not an import, so that HarnessLayersTest imports the test code while this class imports the production code.
   */
  private static DescribedPredicate<JavaClass> inTestCode() {
    Set<String> names;
    try {
      Path root = Path.of(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(root)) {
        names = files.filter(f -> f.toString().endsWith(".class"))
            .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceFirst("\\.class$", ""))
            .collect(Collectors.toSet());
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot list the test classes: " + e.getMessage(), e);
    }
    if (!names.contains(ArchitectureTest.class.getName())) {
      throw new IllegalStateException("The test classes were not found (not under a test-classes folder?): this rule would pass empty");
    }
    return DescribedPredicate.describe("are test code (src/test)", c -> names.contains(c.getName()));
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void theAppReachesNeitherTheStubsNorTheHarness() {
    theAppReachesNeitherTheStubsNorTheHarness.check(CodeBase.main());
  }

  @Test
  void theStubsReachNeitherTheAppNorTheHarness() {
    theStubsReachNeitherTheAppNorTheHarness.check(CodeBase.main());
  }

  @Test
  void mainCodeNeverReachesTestCode() {
    mainCodeNeverReachesTestCode.check(CodeBase.main());
  }
}
