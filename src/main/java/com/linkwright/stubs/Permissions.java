package com.linkwright.stubs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permissions (scopes) a provider's dialog may ask for, each with the wording of its consent screen, in the
 * order the screen lists them; and the {@code scope} parameter as both providers read it.
 */
final class Permissions {
  private final Map<String, String> labels;

  private Permissions(Map<String, String> labels) {
    this.labels = Collections.unmodifiableMap(labels);
  }

  /** Scope, label, scope, label, …: the screen's order. */
  static Permissions labelled(String... scopeThenLabel) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < scopeThenLabel.length; i += 2) {
      labels.put(scopeThenLabel[i], scopeThenLabel[i + 1]);
    }
    return new Permissions(labels);
  }

  /** The scopes asked for: comma- or space-separated (Meta takes both), each once, in the order asked. */
  static List<String> parse(String raw) {
    if (raw == null) {
      return List.of();
    }
    return Arrays.stream(raw.split("[,\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
  }

  /** The asked-for scopes this provider does not know. */
  List<String> unknown(List<String> scopes) {
    return scopes.stream().filter(s -> !labels.containsKey(s)).toList();
  }

  String label(String scope) {
    return labels.get(scope);
  }

  /** One row per scope for a permissions screen: {@code scope} and {@code label}, {@code required} for {@code required}. */
  List<Map<String, Object>> rows(List<String> scopes, String required) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String scope : scopes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("scope", scope);
      row.put("label", label(scope));
      if (required != null) {
        row.put("required", required.equals(scope));
      }
      rows.add(row);
    }
    return rows;
  }
}
