package com.linkwright.steps;

import com.linkwright.flows.meta.StubbedMeta;
import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.InstagramPersona;
import io.cucumber.java.ParameterType;

/**
 * Words the features use as values. A persona's handle, in quotes, becomes this scenario's own copy of it; an
 * unknown handle fails the step at once, naming the handles the fixtures declare.
 */
public class ParameterTypes {
  private final StubbedMeta meta;

  public ParameterTypes(StubbedMeta meta) {
    this.meta = meta;
  }

  @ParameterType("on|off")
  public boolean onOff(String word) {
    return "on".equals(word);
  }

  /** A handle of fixtures/personas/instagram.json. */
  @ParameterType("\"([^\"]*)\"")
  public InstagramPersona instagramPersona(String handle) {
    return meta.issueInstagramPersona(handle);
  }

  /** A handle of fixtures/personas/facebook.json. */
  @ParameterType("\"([^\"]*)\"")
  public FacebookPersona facebookPersona(String handle) {
    return meta.issueFacebookPersona(handle);
  }
}
