package dev.floe.gitops.webhook.status;

import java.util.List;

/**
 * The report page of one (repository, commit, environment): plain server-side HTML, readable without JavaScript, every
 * value escaped. It shows what the worker's outcome texts show (compile errors with file:line:column, masked policy
 * findings) and, as {@link PreviewMode} allows, the rendered diff: never a secret value, since those texts never hold one.
 */
public final class ReportPage {

  /** What the page shows. */
  public record Report(String repository, String commit, String environment, String verdict, List<String> errors,
      EnvironmentPreview preview) {
    public Report {
      errors = List.copyOf(errors);
    }
  }

  private ReportPage() {}

  public static String render(Report r) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>floe-gitops: ").append(escape(r.repository())).append(' ').append(escape(r.environment()))
        .append("</title></head><body>\n<h1>").append(escape(r.repository())).append(" \u2192 ")
        .append(escape(r.environment())).append("</h1>\n<p>commit <code>").append(escape(r.commit()))
        .append("</code>: ").append(escape(r.verdict())).append("</p>\n");
    if (!r.errors().isEmpty()) {
      b.append("<h2>Errors</h2>\n<ol>\n");
      r.errors().forEach(e -> b.append("<li><code>").append(escape(e)).append("</code></li>\n"));
      b.append("</ol>\n");
    }
    EnvironmentPreview p = r.preview();
    if (p != null && p.mode().showsCounts()) {
      b.append("<h2>Files on ").append(escape(p.deployBranch())).append("</h2>\n<ul>\n");
      p.added().forEach(f -> b.append("<li>added <code>").append(escape(f)).append("</code></li>\n"));
      p.changed().forEach(f -> b.append("<li>changed <code>").append(escape(f)).append("</code></li>\n"));
      p.removed().forEach(f -> b.append("<li>removed <code>").append(escape(f)).append("</code></li>\n"));
      b.append("</ul>\n");
      if (p.unnamedChanges() > 0) {
        b.append("<p>").append(p.unnamedChanges()).append(" files change (the worker does not name them yet).</p>\n");
      }
      if (p.mode().showsDiff() && !p.diff().isEmpty()) {
        b.append("<h2>Rendered diff</h2>\n<pre>").append(escape(p.diff())).append("</pre>\n");
      }
    }
    return b.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
