package com.linkwright.flows;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the forms of a page's HTML and following redirects by hand, as the shortcuts over HTTP do. */
public final class HttpForms {
  private HttpForms() {}

  /** The value of the first input named {@code name} in {@code html}; fails naming {@code what} it looked for. */
  public static String field(String html, String name, String what) {
    return find(html, "name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"", what);
  }

  /** The first group of {@code regex} in {@code html}; fails naming {@code what} it looked for, with the page. */
  public static String find(String html, String regex, String what) {
    Matcher m = Pattern.compile(regex).matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("Could not find " + what + " in: " + html);
    }
    return m.group(1);
  }

  /** {@code form} with every value of the inputs named {@code name} in {@code html} added (every box checked). */
  public static FormData withAll(FormData form, String html, String name) {
    Matcher values = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(html);
    while (values.find()) {
      form.append(name, values.group(1));
    }
    return form;
  }

  /** Where a redirect sends the browser; fails with the answer if it is not one. */
  public static String redirect(APIResponse response) {
    String location = response.headers().get("location");
    if (response.status() / 100 != 3 || location == null) {
      throw new IllegalStateException("Expected a redirect from " + response.url() + ", got " + response.status() + ": " + response.text());
    }
    return location;
  }
}
