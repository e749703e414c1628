package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser shows of a string written into a page, for tests that read the page's HTML: entities are decoded
 * once, as a browser does, so a string escaped the right way reads back as itself, one left raw or escaped twice does
 * not. Which entity spelling the page uses (&amp;#39; or &amp;#x27;) is its own business.
 */
final class PageText {
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
  private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'");

  private PageText() {}

  /** The HTML with its entities decoded once (tags stay as they are). */
  static String decoded(String html) {
    Matcher m = ENTITY.matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String ch;
      if (name.startsWith("#x") || name.startsWith("#X")) {
        ch = Character.toString(Integer.parseInt(name.substring(2), 16));
      } else if (name.startsWith("#")) {
        ch = Character.toString(Integer.parseInt(name.substring(1)));
      } else {
        ch = NAMED.getOrDefault(name, m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(ch));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * {@code html} shows {@code text} literally, as text: it reads back as itself, and no tag in it is in the page as
   * markup (a tag with the text that follows it, so that the page's own tags of the same name do not count).
   */
  static void assertShowsAsText(String html, String text) {
    assertThat(decoded(html)).as("the page shows %s as text", text).contains(text);
    Matcher tag = Pattern.compile("<[^<>]*>[^<]*").matcher(text);
    while (tag.find()) {
      assertThat(html).as("the page has %s as markup", tag.group()).doesNotContain(tag.group());
    }
  }
}
