package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code floe-gitops demo} end to end, in-process, as the README's first command runs it (without --keep). */
class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void theDemoDeploysAPushRefusesTheBrokenPullRequestAndDeniesTheInlineToken() throws Exception {
    Files.writeString(dir.resolve("stale-file"), "the demo cleans its data folder at start");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = FloeGitops.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));

    int exit = cl.execute("demo", "--data-dir", dir.toString());

    String text = out.toString();
    assertThat(exit).as(text + err).isZero();
    assertThat(text)
        .contains("[1/7] serving a bare repository over HTTP")
        .contains("[2/7] starting embedded Kafka, the webhook service and the admission server … ok")
        .contains("receiver answered 202")
        .contains("[5/7] waiting for the deploy commit on deploy/local … ok")
        .containsPattern("deploy commit [0-9a-f]{40}")
        .containsPattern("Floe-Source-Commit: [0-9a-f]{40}")
        .contains("Floe-Environment: local")
        .contains("manifests/configmap-sales-analytics-floe-artifacts.yaml")
        .contains("dbt/profiles.yml")
        .contains("Invalid")
        .containsPattern("first error: floe.yaml:\\d+:\\d+: unknown storage profile 'archive'")
        .contains("[7/7] sending an AdmissionReview with an inline token over HTTPS … ok")
        .contains("denied: floe-gitops denied Deployment sales/sales-sync: 1 inline secret: github-pat")
        .contains("demo complete");
    assertThat(text).doesNotContain("FAILED").doesNotContainPattern("ghp_[A-Za-z0-9]{36}");
    assertThat(dir.resolve("stale-file")).doesNotExist();
  }

  @Test
  void aRepoRootWithoutTheSampleFailsTheFirstStepSayingWhatIsMissing() {
    StringWriter out = new StringWriter();
    CommandLine cl = FloeGitops.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));

    int exit = cl.execute("demo", "--repo-root", dir.toString(), "--data-dir", dir.resolve("data").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("[1/7] serving a bare repository over HTTP (git http-backend) … FAILED")
        .contains("no test-repos/sales-analytics/floe.yaml under " + dir);
  }
}
