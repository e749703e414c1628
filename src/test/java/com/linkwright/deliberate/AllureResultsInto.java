package com.linkwright.deliberate;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;
import java.io.File;

/**
 * Allure's Cucumber plugin writing into a folder of its own ({@code plugin=com.linkwright.deliberate.AllureResultsInto:DIR}),
 * so that a deliberately broken run never reaches the run's own results and report.
 */
public final class AllureResultsInto extends AllureCucumber7Jvm {
  public AllureResultsInto(File folder) {
    super(new AllureLifecycle(new FileSystemResultsWriter(folder.toPath())));
  }
}
