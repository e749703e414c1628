package com.linkwright.harness;

import com.microsoft.playwright.BrowserContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Content-Security-Policy violations the app's pages report in one browser context: every page (pop-ups too)
 * gets a {@code securitypolicyviolation} listener before its own scripts run, which hands each violation to the
 * harness. A scenario during which a page of the app reported one fails when it ends ({@link #assertNone}): a page
 * that does not pass its own policy is a defect even when nothing else shows it. Pages of other origins (the stubbed
 * providers) are not the app's, and are left out.
 */
public final class CspViolations {
  private static final String BINDING = "__linkwrightCspViolation";
  private static final String LISTENER = """
      document.addEventListener("securitypolicyviolation", (e) => window.%s({
        page: e.documentURI, directive: e.effectiveDirective, blocked: e.blockedURI,
        source: e.sourceFile ? e.sourceFile + ":" + e.lineNumber : "", sample: e.sample }), true);
      """.formatted(BINDING);

  private final String appOrigin;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private CspViolations(URI app) {
    this.appOrigin = app.getScheme() + "://" + app.getRawAuthority();
  }

  /** Starts watching every page of {@code context} that is on {@code app}'s origin. */
  public static CspViolations watch(BrowserContext context, URI app) {
    CspViolations violations = new CspViolations(app);
    context.exposeBinding(BINDING, (source, args) -> {
      if (args.length > 0 && args[0] instanceof Map<?, ?> v) {
        String page = String.valueOf(v.get("page"));
        if (page.equals(violations.appOrigin) || page.startsWith(violations.appOrigin + "/")) {
          violations.seen.add(page + ": " + v.get("directive") + " blocked " + v.get("blocked")
              + (String.valueOf(v.get("source")).isEmpty() ? "" : " (at " + v.get("source") + ")")
              + (String.valueOf(v.get("sample")).isEmpty() ? "" : ", sample: " + v.get("sample")));
        }
      }
      return null;
    });
    context.addInitScript(LISTENER);
    return violations;
  }

  public List<String> seen() {
    return List.copyOf(seen);
  }

  /** Fails with every violation a page of the app reported, if any. */
  public void assertNone() {
    if (!seen.isEmpty()) {
      throw new AssertionError("A page of the app broke its own Content-Security-Policy:\n  " + String.join("\n  ", seen));
    }
  }
}
