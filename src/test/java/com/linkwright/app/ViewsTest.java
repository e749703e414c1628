package com.linkwright.app;

import static com.linkwright.app.NoticeStep.link;
import static com.linkwright.app.NoticeStep.strong;
import static com.linkwright.app.NoticeStep.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linkwright.app.Workspace.Notice;
import com.linkwright.app.Workspace.Tone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A notice's steps are data (notice.mustache): whatever text a step carries is drawn as text, never as markup. */
class ViewsTest {
  private static final String SCRIPT = "<script>alert('x')</script>";

  @Test
  void aStepCarryingMarkupIsShownAsText() {
    String html = Views.notice(new Notice(Tone.ERROR, "Title", "Text", List.of(
        NoticeStep.of(SCRIPT),
        NoticeStep.of(text("Tap "), strong("<img src=x onerror=alert(1)>"), text(" & go")),
        NoticeStep.of(link("\"><script>alert(2)</script>", "/settings?x=\"><b>")))));
    assertThat(html)
        .contains("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li>")
        .contains("<li>Tap <strong>&lt;img src&#61;x onerror&#61;alert(1)&gt;</strong> &amp; go</li>")
        .contains("<a href=\"/settings?x&#61;&quot;&gt;&lt;b&gt;\">&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</a>")
        .doesNotContain("<script", "<img", "<b>");
  }

  @Test
  void emphasisAndLinksAreDrawnAsSuch() {
    assertThat(step(NoticeStep.of(text("Turn off "), strong("Instagram Login"), text(" in "), link("Settings", "/settings"), text("."))))
        .contains("<li>Turn off <strong>Instagram Login</strong> in <a href=\"/settings\">Settings</a>.</li>");
    assertThat(step(NoticeStep.of(link("www.facebook.com", "https://www.facebook.com"))))
        .contains("<li><a href=\"https://www.facebook.com\" rel=\"noopener noreferrer\">www.facebook.com</a></li>");
  }

  private static String step(NoticeStep step) {
    return Views.notice(new Notice(Tone.ERROR, "Title", "Text", List.of(step)));
  }

  @Test
  void aStepLinksOnlyToThisDashboardOrAWebPage() {
    for (String href : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//evil.example/x", "settings"}) {
      assertThatThrownBy(() -> link("x", href)).as(href).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * The templates themselves: no hole that writes a value unescaped ({@code {{{x}}}}, {@code {{&x}}}), and nothing the
   * Content-Security-Policy (script-src 'self', style-src 'self') would refuse: no inline script, style or handler.
   */
  @Test
  void noTemplateHasAnUnescapedHoleOrAnInlineScriptOrStyle() throws IOException {
    Path templates = Path.of("src/main/resources/templates");
    List<Path> files;
    try (Stream<Path> all = Files.list(templates)) {
      files = all.filter(f -> f.toString().endsWith(".mustache")).toList();
    }
    assertThat(files).as("the pages' templates").hasSizeGreaterThan(8);
    for (Path file : files) {
      String template = Files.readString(file);
      assertThat(template).as(file.toString()).doesNotContain("{{{", "{{&", "<style", " style=")
          .doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContainPattern("\\son[a-z]+=");
    }
  }

  @Test
  void theNoticesTitleAndTextAreEscapedToo() {
    String html = Views.notice(new Notice(Tone.SUCCESS, SCRIPT, SCRIPT, List.of()));
    assertThat(html).doesNotContain("<script").contains("role=\"status\"").doesNotContain("<ol>");
  }
}
