package com.linkwright.deliberate;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The deliberately failing and flaky scenarios (deliberate/flake), with their own glue and none of the harness (no
 * browser, app or stubs: the flake policy is failsafe's reruns and the report's reading of them, which see
 * scenarios, not browsers). Its name does not end in IT, so the normal run never picks it: FlakePolicyIT runs it by
 * name (-Dit.test) in a Maven build of its own, a tag choosing the scenario. Runner settings otherwise as the suite's
 * (junit-platform.properties: plugins, Allure).
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("deliberate/flake")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "com.linkwright.deliberate")
public class DeliberateFlakeSuite {}
