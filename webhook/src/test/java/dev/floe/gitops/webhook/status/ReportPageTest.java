package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  @Test
  void everyErrorAndTheDiffAreEscapedHtmlWithoutScripts() {
    String page = ReportPage.render(new ReportPage.Report("acme/sales", "0123abc", "dev", "fails",
        List.of("floe.yaml:14:7: unknown compute profile 'fast'", "floe.yaml:2:1: <img src=x onerror=alert(1)>"),
        new EnvironmentPreview("dev", "deploy/dev", List.of(), List.of("a&b.yaml"), List.of(), List.of(),
            "+x: \"<b>\"\n", PreviewMode.FULL)));

    assertThat(page).contains("<li><code>floe.yaml:14:7: unknown compute profile &#39;fast&#39;</code></li>");
    assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;", "a&amp;b.yaml", "+x: &quot;&lt;b&gt;&quot;");
    assertThat(page).doesNotContain("<img", "<script", "<b>");
  }

  @Test
  void summaryShowsFilesButNoDiffAndNoneShowsNeither() {
    EnvironmentPreview summary = new EnvironmentPreview("prod", "deploy/prod", List.of(), List.of("a.yaml"), List.of(),
        List.of(), "+password: literal\n", PreviewMode.SUMMARY);
    String page = ReportPage.render(new ReportPage.Report("acme/sales", "0123abc", "prod", "compiles", List.of(), summary));
    assertThat(page).contains("added <code>a.yaml</code>").doesNotContain("literal");

    EnvironmentPreview none = new EnvironmentPreview("prod", "deploy/prod", List.of(), List.of("a.yaml"), List.of(),
        List.of(), "+x\n", PreviewMode.NONE);
    assertThat(ReportPage.render(new ReportPage.Report("acme/sales", "0123abc", "prod", "compiles", List.of(), none)))
        .doesNotContain("a.yaml");
  }
}
