package com.linkwright.stubs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An application/x-www-form-urlencoded body or query string, with repeated names kept. */
final class Form {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private Form() {}

  static Form parse(String encoded) {
    Form form = new Form();
    if (encoded == null || encoded.isEmpty()) {
      return form;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      form.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return form;
  }

  String first(String name) {
    List<String> all = values.get(name);
    return all == null || all.isEmpty() ? null : all.get(0);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
