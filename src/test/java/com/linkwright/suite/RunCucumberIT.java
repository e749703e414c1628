package com.linkwright.suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_CUSTOM_CLASS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** Every feature in features/, run by Cucumber on the JUnit Platform (failsafe runs it in ./mvnw verify). */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "com.linkwright.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "progress, summary, io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = "cucumber.publish.enabled", value = "false")
// "Feature - Scenario" in failsafe's console and JUnit XML, so a CI dashboard tells same-named scenarios apart
@ConfigurationParameter(key = "cucumber.junit-platform.naming-strategy", value = "long")
// scenarios run on playwright.config's `workers` threads (1 = one after the other)
@ConfigurationParameter(key = PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME, value = "custom")
@ConfigurationParameter(key = PARALLEL_CONFIG_CUSTOM_CLASS_PROPERTY_NAME, value = "com.linkwright.harness.WorkersStrategy")
public class RunCucumberIT {}
