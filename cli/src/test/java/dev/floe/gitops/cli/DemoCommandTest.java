package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        .containsPattern("status floe/local on [0-9a-f]{12} \\(recorded locally, no Git host token\\): failure")
        .containsPattern("(?m)^\\s+floe\\.yaml:\\d+:\\d+: unknown storage profile 'archive'")
        .containsPattern("report page: http://127\\.0\\.0\\.1:\\d+/reports/demo/sales-analytics/[0-9a-f]{40}/local"
            + "\\?expires=\\d+&token=[A-Za-z0-9_-]+ \\(200, [1-9]\\d* bytes\\)")
        .containsPattern("PR comment \\(recorded locally\\): \\| local \\| fails: ")
        .contains("[7/7] sending an AdmissionReview with an inline token over HTTPS … ok")
        .contains("denied: floe-gitops denied Deployment sales/sales-sync: 1 inline secret: github-pat")
        .contains("demo complete");
    assertThat(text).doesNotContain("FAILED").doesNotContainPattern("ghp_[A-Za-z0-9]{36}")
        // the demo's secrets are exactly 48 hex characters (webhook secret, report signing key): neither is printed
        .doesNotContainPattern("(?<![0-9a-f])[0-9a-f]{48}(?![0-9a-f])");
    assertThat(dir.resolve("stale-file")).doesNotExist();
  }

  @Test
  void keepLeavesEverythingRunningAndTheCommandsItPrintsWorkUntilInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    DemoCommand demo = new DemoCommand();
    demo.installShutdownHook = false;
    CommandLine cl = new CommandLine(demo);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int[] exit = {-1};
    Thread running = new Thread(() -> exit[0] = cl.execute("--keep", "--data-dir", dir.toString()), "demo-keep");
    running.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (!out.toString().contains("Everything stays up until Ctrl-C") && running.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    try {
      assertThat(out.toString()).contains("Everything stays up until Ctrl-C");
      List<String> curls = out.toString().lines().map(String::strip).filter(l -> l.startsWith("curl ")).toList();
      assertThat(curls).hasSize(3);
      assertThat(shell(curls.get(0))).contains("\"status\":\"ready\"");
      assertThat(shell(curls.get(1))).contains("floe_webhook_requests_total{provider=\"github\",status=\"202\"} 2.0");
      assertThat(shell(curls.get(2))).contains("\"allowed\":false");
    } finally {
      running.interrupt();
      running.join(TimeUnit.SECONDS.toMillis(120));
    }
    assertThat(exit[0]).as(out.toString()).isZero();
  }

  /** Runs a printed command as a user would paste it; fails on a non-zero exit. */
  private static String shell(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(command + "\n" + output).isZero();
    return output;
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
