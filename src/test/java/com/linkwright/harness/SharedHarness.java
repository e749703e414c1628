package com.linkwright.harness;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The way in for JUnit tests that need the harness ({@code @ExtendWith(SharedHarness.class)}, then a {@link Harness}
 * parameter): the class holds the harness while it runs. Inside the feature suite (RunCucumberIT) it is the one the
 * scenarios use; run alone, the class starts its own.
 */
public final class SharedHarness implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  @Override
  public void beforeAll(ExtensionContext context) {
    Harness.hold();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Harness.letGo();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Harness.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return Harness.current();
  }
}
