package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** Routing from configuration, tag versions, PR refs and the queue mapping. */
class DeployTargetsTest {

  static final String URL = "https://git.example/acme/x.git";
  static final RepositoryConfig REPO = new RepositoryConfig("acme/x", GitProvider.GITHUB, URL, Optional.empty(), List.of(
      new DeployTarget("dev", new DeployTarget.Branch("main"), "deploy/dev", URL),
      new DeployTarget("staging", new DeployTarget.Branch("main"), "deploy/staging", URL),
      new DeployTarget("prod", new DeployTarget.TagPattern("v*"), "deploy/prod", "https://git.example/acme/x-deploy.git")),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  static final ObjectId ID = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");

  @Test
  void aPushFeedsTheEnvironmentsWhoseSourceItIs() {
    assertThat(DeployTargets.fedBy(REPO, "refs/heads/main")).extracting(DeployTarget::environment).containsExactly("dev", "staging");
    assertThat(DeployTargets.fedBy(REPO, "refs/tags/v1.2.0")).extracting(DeployTarget::environment).containsExactly("prod");
    assertThat(DeployTargets.fedBy(REPO, "refs/heads/feature")).isEmpty();
    assertThat(DeployTargets.fedBy(REPO, "refs/heads/deploy/dev")).isEmpty();
    assertThat(DeployTargets.isDeployBranch(REPO, "refs/heads/deploy/staging")).isTrue();
    // prod's deploy branch lives in another repository: a branch of that name here is not ours
    assertThat(DeployTargets.isDeployBranch(REPO, "refs/heads/deploy/prod")).isFalse();
  }

  @Test
  void aTagSourceIsTheHighestSemanticVersionMatching() {
    Map<String, ObjectId> refs = Map.of("refs/tags/v1.9.0", ID, "refs/tags/v1.10.0", ID, "refs/tags/v2.0.0-rc.1", ID,
        "refs/tags/v1.10.0^{}", ID, "refs/tags/latest", ID, "refs/heads/main", ID);
    assertThat(DeployTargets.sourceRef(REPO.deploy().get(2), refs)).contains("refs/tags/v2.0.0-rc.1");
    Map<String, ObjectId> released = new java.util.HashMap<>(refs);
    released.put("refs/tags/v2.0.0", ID);
    assertThat(DeployTargets.sourceRef(REPO.deploy().get(2), released)).contains("refs/tags/v2.0.0");
    assertThat(DeployTargets.sourceRef(REPO.deploy().get(0), refs)).contains("refs/heads/main");
    assertThat(DeployTargets.sourceRef(REPO.deploy().get(0), Map.of())).isEmpty();
    assertThat(SemVer.parse("v1.2.3-alpha.10").get()).isGreaterThan(SemVer.parse("1.2.3-alpha.9").get());
    assertThat(SemVer.parse("1.2")).isEmpty();
  }

  @Test
  void pullRequestHeadsComeFromTheConfiguredRepositorysPrRefs() {
    EventRecord fork = EventRecord.pullRequest(Provider.GITHUB, "d", "acme/x", URL, "refs/heads/f", ID.name(), "main", 12,
        "someone/x", Instant.parse("2026-11-29T05:00:00Z"), null);
    EventRecord own = EventRecord.pullRequest(Provider.BITBUCKET, "d", "acme/x", URL, "refs/heads/f", ID.name(), "main", 12,
        null, Instant.parse("2026-11-29T05:00:00Z"), null);
    assertThat(DeployWorker.pullRequestRef(GitProvider.GITHUB, fork)).contains("refs/pull/12/head");
    assertThat(DeployWorker.pullRequestRef(GitProvider.GITEA, fork)).contains("refs/pull/12/head");
    assertThat(DeployWorker.pullRequestRef(GitProvider.GITLAB, fork)).contains("refs/merge-requests/12/head");
    assertThat(DeployWorker.pullRequestRef(GitProvider.BITBUCKET, fork)).isEmpty();
    assertThat(DeployWorker.pullRequestRef(GitProvider.BITBUCKET, own)).contains("refs/heads/f");
    assertThat(DeployTargets.forPullRequestBase(REPO, "main")).hasSize(2);
  }

  @Test
  void outcomesMapToTheQueueAsFinalOrRetry() {
    var invalid = new DeployWorker.EventResult(Map.of("dev", new DeployOutcome.Invalid(List.of("floe.yaml:3:1: unknown key"))), null);
    var policy = new DeployWorker.EventResult(Map.of("dev", new DeployOutcome.PolicyViolation(List.of("rule at path (ghp_***)"))), null);
    var trans = new DeployWorker.EventResult(Map.of("dev", new DeployOutcome.Unchanged(ID),
        "prod", new DeployOutcome.Transient("failed to fetch acme/x: timeout")), null);
    assertThat(DeployWorker.toQueue(invalid)).isInstanceOfSatisfying(ProcessingOutcome.Done.class,
        d -> assertThat(d.outcome()).contains("floe.yaml:3:1: unknown key"));
    assertThat(DeployWorker.toQueue(policy)).isInstanceOf(ProcessingOutcome.Done.class);
    assertThat(DeployWorker.toQueue(trans)).isInstanceOfSatisfying(ProcessingOutcome.Retry.class,
        r -> assertThat(r.cause()).isEqualTo("prod: failed to fetch acme/x: timeout"));
    assertThat(DeployWorker.toQueue(DeployWorker.EventResult.ignored("ref deleted"))).isInstanceOf(ProcessingOutcome.Done.class);
  }

  @Test
  void ownershipFollowsTheProducersPartitionOfTheRepositoryKey() {
    for (String name : List.of("acme/x", "acme/sales-analytics", "org/group/sub/repo")) {
      int expected = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
          name.getBytes(java.nio.charset.StandardCharsets.UTF_8), 6);
      assertThat(PartitionOwnership.partitionOf(name, 6)).isEqualTo(expected);
    }
    int p = PartitionOwnership.partitionOf("acme/x", 6);
    assertThat(PartitionOwnership.owning(java.util.Set.of(p), 6).test(REPO)).isTrue();
    assertThat(PartitionOwnership.owning(java.util.Set.of((p + 1) % 6), 6).test(REPO)).isFalse();
  }
}
