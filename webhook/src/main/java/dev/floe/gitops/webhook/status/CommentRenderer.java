package dev.floe.gitops.webhook.status;

import java.util.List;

/**
 * The pull request's one comment (Markdown): a hidden marker so it is found again and updated in place, a table per
 * environment, and where {@link PreviewMode} allows, the collapsed unified diff. The whole body is cut to the
 * provider's comment limit, diffs first, with a note saying so; the table always survives.
 */
public final class CommentRenderer {

  public static final String MARKER = "<!-- floe-gitops:pr-preview -->";
  static final String CUT_NOTE = "\n\n_Diff cut to fit the comment limit; the report page has all of it._\n";

  private CommentRenderer() {}

  public static String render(List<EnvironmentPreview> previews, int limit) {
    StringBuilder head = new StringBuilder(MARKER).append("\n### floe-gitops preview\n\n");
    head.append("| environment | result | added | changed | removed |\n|---|---|---|---|---|\n");
    for (EnvironmentPreview p : previews) {
      head.append("| ").append(cell(p.environment())).append(" | ");
      if (!p.compiles()) {
        head.append("fails: ").append(cell(p.errors().get(0))).append(" | | | |\n");
      } else if (!p.mode().showsCounts()) {
        head.append("compiles | \u2013 | \u2013 | \u2013 |\n");
      } else {
        head.append("compiles | ").append(p.added().size()).append(" | ").append(p.changedCount()).append(" | ")
            .append(p.removed().size()).append(" |\n");
      }
    }
    StringBuilder diffs = new StringBuilder();
    for (EnvironmentPreview p : previews) {
      if (p.compiles() && p.mode().showsDiff() && !p.diff().isEmpty()) {
        String fence = p.diff().contains("```") ? "~~~~" : "```";
        diffs.append("\n<details><summary>").append(html(p.environment())).append(": rendered diff against ")
            .append(html(p.deployBranch())).append("</summary>\n\n").append(fence).append("diff\n").append(p.diff());
        if (!p.diff().endsWith("\n")) {
          diffs.append('\n');
        }
        diffs.append(fence).append("\n</details>\n");
      }
    }
    String full = head.toString() + diffs;
    if (full.length() <= limit) {
      return full;
    }
    int room = limit - head.length() - CUT_NOTE.length() - 40;
    if (room <= 0) {
      return head.substring(0, Math.min(head.length(), limit));
    }
    // close what was open so the cut text does not swallow the rest of the page
    return head + diffs.substring(0, room) + "\n```\n</details>" + CUT_NOTE;
  }

  private static String cell(String text) {
    return html(text).replace("|", "\\|").replace("\n", " ");
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
