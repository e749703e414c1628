package com.linkwright.harness;

import io.cucumber.core.gherkin.Pickle;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestDescriptor;

/**
 * Cucumber's own selection by tags and by name ({@code cucumber.filter.tags}, {@code cucumber.filter.name}). The
 * Cucumber engine keeps every scenario of the selected files and skips the others only as it runs them, so a split
 * of what was discovered would deal out scenarios that never run: the shards apply the same two filters first, read
 * where the engine reads them (-D, then junit-platform.properties) and evaluated by Cucumber's own tag-expression
 * parser and the same whole-name match. Selection by file and line ({@code cucumber.features}) happens at discovery
 * already.
 */
final class CucumberSelection {
  private static final String TAGS = "cucumber.filter.tags";
  private static final String NAME = "cucumber.filter.name";

  private final Optional<Expression> tags;
  private final Optional<Pattern> name;

  CucumberSelection(String tags, String name) {
    this.tags = Optional.ofNullable(tags).filter(t -> !t.isBlank()).map(TagExpressionParser::parse);
    this.name = Optional.ofNullable(name).filter(n -> !n.isBlank()).map(Pattern::compile);
  }

  /** The run's selection, as the Cucumber engine will read it. */
  static CucumberSelection ofTheRun() {
    Properties platform = new Properties();
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("junit-platform.properties")) {
      if (in != null) {
        platform.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read junit-platform.properties", e);
    }
    return new CucumberSelection(System.getProperty(TAGS, platform.getProperty(TAGS)),
        System.getProperty(NAME, platform.getProperty(NAME)));
  }

  /** Whether Cucumber will run this scenario rather than skip it. */
  boolean selects(TestDescriptor scenario) {
    Pickle pickle = pickle(scenario);
    return tags.map(t -> t.evaluate(pickle.getTags())).orElse(true)
        && name.map(n -> n.matcher(pickle.getName()).matches()).orElse(true);
  }

  /** The engine keeps the scenario's pickle (its name and tags) in the descriptor, behind a method of its package. */
  private static Pickle pickle(TestDescriptor scenario) {
    try {
      Method getPickle = scenario.getClass().getDeclaredMethod("getPickle");
      getPickle.setAccessible(true);
      return (Pickle) getPickle.invoke(scenario);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("The shards cannot read the name and tags of " + scenario.getDisplayName()
          + " from this Cucumber engine (" + scenario.getClass().getName() + "): was Cucumber upgraded? "
          + "CucumberSelection reads them where cucumber-junit-platform-engine 7.34 keeps them.", e);
    }
  }
}
