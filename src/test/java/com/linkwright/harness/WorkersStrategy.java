package com.linkwright.harness;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

/**
 * Runs scenarios on as many threads as playwright.config's {@code workers} (or -Dworkers) says, and never more:
 * each thread owns one Playwright and one Chromium, so the pool may not grow past it.
 */
public final class WorkersStrategy implements ParallelExecutionConfigurationStrategy {
  @Override
  public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters ignored) {
    int workers = Harness.config().workers;
    return new ParallelExecutionConfiguration() {
      @Override public int getParallelism() { return workers; }
      @Override public int getMinimumRunnable() { return 0; }
      @Override public int getMaxPoolSize() { return workers; }
      @Override public int getCorePoolSize() { return workers; }
      @Override public int getKeepAliveSeconds() { return 30; }
      @Override public Predicate<? super ForkJoinPool> getSaturatePredicate() { return pool -> true; }
    };
  }
}
