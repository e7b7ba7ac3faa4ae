package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.worker.DeployOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class StatusReporterTest {

  static final String HEAD = "1111111111111111111111111111111111111111";
  static final ObjectId COMMIT = ObjectId.fromString("abcdef0123456789abcdef0123456789abcdef01");
  static final ObjectId SOURCE = ObjectId.fromString(HEAD);

  @Test
  void pullRequestsSayWhatChangesOrTheFirstError() {
    CommitStatus ok = StatusReporter.forPullRequest("dev", "deploy/dev", HEAD, new DeployOutcome.Previewed(SOURCE, 3),
        Optional.empty());
    assertThat(ok.context()).isEqualTo("floe/dev");
    assertThat(ok.state()).isEqualTo(StatusState.SUCCESS);
    assertThat(ok.description()).isEqualTo("compiles; 3 files change on deploy/dev");

    CommitStatus bad = StatusReporter.forPullRequest("dev", "deploy/dev", HEAD, new DeployOutcome.Invalid(
        List.of("floe.yaml:14:7: unknown compute profile 'fast'", "floe.yaml:20:1: other")), Optional.empty());
    assertThat(bad.state()).isEqualTo(StatusState.FAILURE);
    assertThat(bad.description()).isEqualTo("floe.yaml:14:7: unknown compute profile 'fast'");

    CommitStatus transientOne = StatusReporter.forPullRequest("dev", "deploy/dev", HEAD,
        new DeployOutcome.Transient("host unreachable"), Optional.empty());
    assertThat(transientOne.state()).as("a PR check is never left pending").isEqualTo(StatusState.FAILURE);
  }

  @Test
  void mergesNameTheDeployCommitOrTheReason() {
    CommitStatus deployed = StatusReporter.forDeploy("dev", "deploy/dev", HEAD, new DeployOutcome.Deployed(COMMIT, SOURCE),
        Optional.empty());
    assertThat(deployed.context()).isEqualTo("floe/deploy-dev");
    assertThat(deployed.description()).isEqualTo("deployed abcdef0 to deploy/dev");
    assertThat(deployed.sha()).isEqualTo(HEAD);

    assertThat(StatusReporter.forDeploy("dev", "deploy/dev", HEAD, new DeployOutcome.Unchanged(SOURCE), Optional.empty())
        .description()).startsWith("unchanged");
    assertThat(StatusReporter.forDeploy("dev", "deploy/dev", HEAD, new DeployOutcome.Stale(SOURCE, "abc"),
        Optional.empty()).description()).startsWith("stale");
    CommitStatus gated = StatusReporter.forDeploy("dev", "deploy/dev", HEAD, new DeployOutcome.Gated(List.of("ci/image")),
        Optional.empty());
    assertThat(gated.state()).isEqualTo(StatusState.PENDING);
    assertThat(gated.description()).isEqualTo("waiting for ci/image");
    CommitStatus policy = StatusReporter.forDeploy("dev", "deploy/dev", HEAD,
        new DeployOutcome.PolicyViolation(List.of("known-token at env[0].value (ghp_***)")), Optional.empty());
    assertThat(policy.state()).isEqualTo(StatusState.FAILURE);
    assertThat(policy.description()).contains("ghp_***");
  }

  @Test
  void bitbucketForksGetAStatusThatSaysTheCheckCannotRun() {
    assertThat(StatusReporter.forkUnsupported("dev", HEAD, Optional.empty()).description()).contains("forks");
  }

  @Test
  void platformSummaryCoversEveryServedRepository() {
    CommitStatus ok = PlatformSummary.summarise("dev", HEAD, Map.of("acme/a", new DeployOutcome.Previewed(SOURCE, 2),
        "acme/b", new DeployOutcome.Unchanged(SOURCE)), Optional.empty());
    assertThat(ok.context()).isEqualTo("floe/platform-dev");
    assertThat(ok.state()).isEqualTo(StatusState.SUCCESS);
    assertThat(ok.description()).isEqualTo("2 repositories compile; 1 would change (2 files)");

    var outcomes = new java.util.LinkedHashMap<String, DeployOutcome>();
    outcomes.put("acme/a", new DeployOutcome.Previewed(SOURCE, 2));
    outcomes.put("acme/b", new DeployOutcome.Invalid(List.of("platform.yaml:3:1: unknown key")));
    CommitStatus bad = PlatformSummary.summarise("dev", HEAD, outcomes, Optional.empty());
    assertThat(bad.state()).isEqualTo(StatusState.FAILURE);
    assertThat(bad.description()).isEqualTo("1 of 2 repositories fail; first acme/b: platform.yaml:3:1: unknown key");
    assertThat(PlatformSummary.summarise("qa", HEAD, Map.of(), Optional.empty()).description())
        .isEqualTo("no served repository deploys to qa");
  }
}
