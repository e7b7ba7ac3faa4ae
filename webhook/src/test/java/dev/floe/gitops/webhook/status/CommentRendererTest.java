package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommentRendererTest {

  static final String DIFF = "--- a/dev/app.yaml\n+++ b/dev/app.yaml\n@@ -1 +1 @@\n-replicas: 1\n+replicas: 2\n";

  static EnvironmentPreview compiles(String env, PreviewMode mode, String diff) {
    return new EnvironmentPreview(env, "deploy/" + env, List.of(), List.of("a.yaml"), List.of("b.yaml", "c.yaml"),
        List.of(), diff, mode);
  }

  @Test
  void aTablePerEnvironmentBehindTheHiddenMarker() {
    String body = CommentRenderer.render(List.of(compiles("dev", PreviewMode.FULL, DIFF),
        new EnvironmentPreview("staging", "deploy/staging", List.of("floe.yaml:14:7: unknown compute profile 'fast'"),
            List.of(), List.of(), List.of(), "", PreviewMode.FULL)), 65_536);

    assertThat(body).startsWith(CommentRenderer.MARKER);
    assertThat(body).contains("| dev | compiles | 1 | 2 | 0 |");
    assertThat(body).contains("| staging | fails: floe.yaml:14:7: unknown compute profile 'fast' |");
    assertThat(body).contains("<details><summary>dev: rendered diff against deploy/dev</summary>", "+replicas: 2");
  }

  @Test
  void previewSettingsDecideWhatIsShown() {
    String body = CommentRenderer.render(List.of(compiles("prod", PreviewMode.SUMMARY, DIFF),
        compiles("qa", PreviewMode.NONE, DIFF)), 65_536);

    assertThat(body).contains("| prod | compiles | 1 | 2 | 0 |", "| qa | compiles | \u2013 |");
    assertThat(body).doesNotContain("<details>", "replicas");
  }

  @Test
  void defaultsAreSummaryForProdAndFullElsewhere() {
    assertThat(PreviewMode.of(java.util.Optional.empty(), "prod")).isEqualTo(PreviewMode.SUMMARY);
    assertThat(PreviewMode.of(java.util.Optional.empty(), "dev")).isEqualTo(PreviewMode.FULL);
    assertThat(PreviewMode.of(java.util.Optional.of("none"), "dev")).isEqualTo(PreviewMode.NONE);
  }

  @Test
  void aLongDiffIsCutToTheLimitWithANote() {
    String huge = "+line\n".repeat(20_000);
    String body = CommentRenderer.render(List.of(compiles("dev", PreviewMode.FULL, huge)), 65_536);

    assertThat(body.length()).isLessThanOrEqualTo(65_536);
    assertThat(body).contains("| dev | compiles |").endsWith(CommentRenderer.CUT_NOTE);
  }

  @Test
  void markupInFileNamesAndErrorsIsEscaped() {
    String body = CommentRenderer.render(List.of(new EnvironmentPreview("dev", "deploy/dev",
        List.of("floe.yaml:1:1: bad <script>alert(1)</script> | x"), List.of(), List.of(), List.of(), "",
        PreviewMode.FULL)), 65_536);

    assertThat(body).doesNotContain("<script>").contains("&lt;script&gt;", "\\| x");
  }
}
