package com.linkwright.steps;

import io.cucumber.java.ParameterType;

/** Words the features use as values. */
public class ParameterTypes {
  @ParameterType("on|off")
  public boolean onOff(String word) {
    return "on".equals(word);
  }
}
