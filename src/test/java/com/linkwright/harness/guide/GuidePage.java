package com.linkwright.harness.guide;

import com.linkwright.harness.guide.GuideOutline.Entry;
import com.linkwright.harness.guide.GuideOutline.Section;
import com.linkwright.harness.guide.LivingGuide.Outcome;
import com.linkwright.harness.guide.LivingGuide.View;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The living guide's HTML: one file, no script, styles inline, images as data URIs. One column on a phone; on a wide
 * screen the two flows side by side, so that both are seen at once.
 */
final class GuidePage {
  record SectionView(Section section, List<EntryView> entries) {}

  record EntryView(Entry entry, List<View> views) {
    Outcome outcome() {
      if (views.stream().anyMatch(v -> v.outcome() == Outcome.FAILED)) {
        return Outcome.FAILED;
      }
      return views.stream().allMatch(v -> v.outcome() == Outcome.PASSED) ? Outcome.PASSED : Outcome.NOT_RUN;
    }
  }

  private GuidePage() {}

  private static final String STYLE = """
      :root{--ok:#1a7f37;--bad:#cf222e;--none:#6e7781;--line:#d0d7de;--ink:#1f2328;--soft:#57606a}
      *{box-sizing:border-box}
      body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#f6f8fa}
      main{max-width:1500px;margin:0 auto;padding:12px}
      header{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
      h1{font-size:1.5rem;margin:0 0 4px}
      h2{font-size:1.2rem;margin:24px 0 4px}
      h3{font-size:1rem;margin:0}
      a{color:#0969da;overflow-wrap:anywhere}
      p{margin:4px 0}
      .flows{display:grid;grid-template-columns:1fr;gap:0 24px}
      @media (min-width:1100px){.flows{grid-template-columns:1fr 1fr}}
      ol.steps{list-style:none;margin:0;padding:0}
      .warnings{display:grid;grid-template-columns:1fr;gap:0 16px}
      @media (min-width:800px){.warnings{grid-template-columns:repeat(auto-fill,minmax(340px,1fr))}}
      .step{background:#fff;border:1px solid var(--line);border-left:6px solid var(--none);border-radius:8px;margin:12px 0;padding:10px 14px;min-width:0}
      .step.passed{border-left-color:var(--ok)}
      .step.failed{border-left-color:var(--bad)}
      .head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
      .n{font-weight:700;color:var(--soft)}
      .badge{display:inline-block;border-radius:999px;padding:0 10px;font-size:.8rem;font-weight:600;color:#fff;background:var(--none)}
      .badge.passed{background:var(--ok)}
      .badge.failed{background:var(--bad)}
      blockquote{margin:6px 0;padding:0 0 0 10px;border-left:3px solid var(--line);color:var(--soft)}
      figure{margin:8px 0 4px}
      img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
      figcaption{font-size:.85rem;color:var(--soft);margin-top:4px}
      code{font:.85rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f4;padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
      .missing{border:2px dashed var(--line);border-radius:4px;padding:16px;color:var(--soft);text-align:center}
      .note{font-size:.85rem;margin-top:4px}
      .note.failed{color:var(--bad)}
      nav ul{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.9rem}
      """;

  static String html(GuideOutline outline, List<SectionView> sections, String ran, String reportHref,
                     Optional<String> selfTestsHref) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Living guide: ").append(esc(outline.title())).append("</title>\n<style>").append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>").append(esc(outline.title()))
        .append(", as this run saw it</h1>\n<p>The steps of Ayrshare's guide <a href=\"").append(GuideOutline.GUIDE_URL)
        .append("\">").append(esc(outline.title())).append("</a>, in its order and words, each with the screen ")
        .append("this run showed at that step. Every picture is from this run; a step that did not run says so.</p>\n<p>")
        .append(esc(ran)).append(". Built ").append(esc(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))))
        .append(". <a href=\"").append(esc(reportHref)).append("\">The scenarios' report</a>");
    selfTestsHref.ifPresent(s -> h.append(" · <a href=\"").append(esc(s)).append("\">the JUnit tests' report</a>"));
    h.append("</p>\n<nav><ul>");
    for (SectionView s : sections) {
      long passed = s.entries().stream().filter(e -> e.outcome() == Outcome.PASSED).count();
      h.append("<li><a href=\"#").append(s.section().anchor()).append("\">").append(esc(s.section().title()))
          .append("</a>: ").append(passed).append(" of ").append(s.entries().size()).append(" passed</li>");
    }
    h.append("</ul></nav>\n</header>\n<div class=\"flows\">\n");
    for (SectionView s : sections) {
      if (s.section().numbered()) {
        section(h, s);
      }
    }
    h.append("</div>\n");
    for (SectionView s : sections) {
      if (!s.section().numbered()) {
        section(h, s);
      }
    }
    return h.append("</main>\n</body>\n</html>\n").toString();
  }

  private static void section(StringBuilder h, SectionView s) {
    Section section = s.section();
    h.append("<section id=\"").append(section.anchor()).append("\">\n<h2>").append(esc(section.title())).append("</h2>\n<p>")
        .append(esc(section.intro())).append(" <a href=\"").append(GuideOutline.GUIDE_URL).append('#').append(section.anchor())
        .append("\">In the guide</a></p>\n<ol class=\"").append(section.numbered() ? "steps" : "steps warnings").append("\">\n");
    int n = 0;
    for (EntryView e : s.entries()) {
      n++;
      Outcome o = e.outcome();
      h.append("<li class=\"step ").append(cls(o)).append("\" data-outcome=\"").append(cls(o)).append("\">\n<div class=\"head\">");
      if (section.numbered()) {
        h.append("<span class=\"n\">").append(n).append("</span>");
      }
      h.append("<h3>").append(esc(e.entry().title())).append("</h3><span class=\"badge ").append(cls(o)).append("\">")
          .append(word(o)).append("</span></div>\n<blockquote>").append(esc(e.entry().guideSays())).append("</blockquote>\n");
      for (View v : e.views()) {
        view(h, v);
      }
      h.append("</li>\n");
    }
    h.append("</ol>\n</section>\n");
  }

  private static void view(StringBuilder h, View v) {
    h.append("<figure class=\"shot\" data-outcome=\"").append(cls(v.outcome())).append("\">");
    if (v.imageUri() != null) {
      h.append("<img src=\"").append(v.imageUri()).append("\" alt=\"").append(esc(v.imageCaption()))
          .append("\">");
    } else {
      h.append("<div class=\"missing\">").append(v.outcome() == Outcome.FAILED ? "No screen was kept" : "Did not run this time")
          .append("</div>");
    }
    h.append("<figcaption><code>").append(esc(v.gherkin())).append("</code> <span class=\"where\">")
        .append(esc(v.where())).append("</span>");
    if (v.scenario() != null) {
      h.append(" · ");
      if (v.reportLink() != null) {
        h.append("<a class=\"scenario\" href=\"").append(esc(v.reportLink())).append("\">").append(esc(v.scenario())).append("</a>");
      } else {
        h.append(esc(v.scenario()));
      }
    }
    h.append("</figcaption>");
    if (!v.note().isEmpty()) {
      h.append("<p class=\"note ").append(cls(v.outcome())).append("\">").append(esc(v.note().strip())).append("</p>");
    }
    h.append("</figure>\n");
  }

  private static String cls(Outcome o) {
    return switch (o) {
      case PASSED -> "passed";
      case FAILED -> "failed";
      case NOT_RUN -> "not-run";
    };
  }

  private static String word(Outcome o) {
    return switch (o) {
      case PASSED -> "passed";
      case FAILED -> "failed";
      case NOT_RUN -> "not run";
    };
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
