package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's scenarios against real bare repositories (file://), checked afterwards by C git and kubectl. */
class DeployWorkerTest {

  @TempDir Path tmp;
  WorkerFixture fx;
  WorkerService service;
  String initial;

  @BeforeEach
  void seed() throws Exception {
    fx = WorkerFixture.overFile(tmp);
    fx.seed("sales-analytics");
    service = fx.service(tmp.resolve("data"));
    initial = fx.head("sales-analytics");
  }

  @AfterEach
  void close() {
    fx.close();
  }

  private DeployWorker.EventResult push(String before, String after) {
    return service.worker().handle(fx.push("sales-analytics", before, after));
  }

  private static final String ZERO = "0".repeat(40);

  @Test
  void firstRenderCreatesTheDeployBranches() throws Exception {
    DeployWorker.EventResult result = push(ZERO, initial);

    assertThat(result.outcomes()).containsOnlyKeys("dev", "staging");
    assertThat(result.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Deployed);
    assertThat(fx.deployLog("sales-analytics", "dev")).hasSize(1);
    String deploy = "deploy/dev";
    assertThat(fx.bare("sales-analytics").run("log", "-1", "--format=%s", deploy))
        .isEqualTo("floe: render dev from " + initial.substring(0, 12));
    assertThat(fx.trailer("sales-analytics", deploy, "Floe-Source-Commit")).isEqualTo(initial);
    assertThat(fx.trailer("sales-analytics", deploy, "Floe-Source-Ref")).isEqualTo("refs/heads/main");
    assertThat(fx.trailer("sales-analytics", deploy, "Floe-Environment")).isEqualTo("dev");
    assertThat(fx.trailer("sales-analytics", deploy, "Floe-Delivery")).isEqualTo("delivery-1");
    assertThat(fx.trailer("sales-analytics", deploy, "Floe-Platform-Digest"))
        .isEqualTo(EnvironmentDeployer.digest(fx.platform("dev").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(fx.bare("sales-analytics").run("log", "-1", "--format=%an <%ae>|%cn <%ce>|%cI", deploy))
        .isEqualTo("floe-gitops <floe-gitops@localhost>|floe-gitops <floe-gitops@localhost>|2026-11-29T05:00:00+00:00");
    assertThat(fx.bare("sales-analytics").run("ls-tree", "-r", deploy)).doesNotContain("100755", "120000");
    assertThat(DeployWorker.toQueue(result)).isInstanceOf(ProcessingOutcome.Done.class);
    fx.verifyWithCGitAndKubectl("sales-analytics");
  }

  @Test
  void anUnrelatedPushMakesNoCommit() throws Exception {
    push(ZERO, initial);
    String readme = fx.commit("sales-analytics", "README.md", "# changed\n", "docs only");

    DeployWorker.EventResult result = push(initial, readme);

    assertThat(result.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Unchanged);
    assertThat(fx.deployLog("sales-analytics", "dev")).hasSize(1);
    assertThat(fx.deployLog("sales-analytics", "staging")).hasSize(1);
  }

  @Test
  void aFloeYamlChangeMakesExactlyOneCommitPerEnvironment() throws Exception {
    push(ZERO, initial);
    String changed = fx.changeFloe("sales-analytics", "r1");

    DeployWorker.EventResult result = push(initial, changed);

    assertThat(result.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Deployed);
    for (String env : List.of("dev", "staging")) {
      assertThat(fx.deployLog("sales-analytics", env)).hasSize(2);
      assertThat(fx.trailer("sales-analytics", "deploy/" + env, "Floe-Source-Commit")).isEqualTo(changed);
    }
    fx.verifyWithCGitAndKubectl("sales-analytics");
  }

  @Test
  void aRedeliveredEventFindsTheTreeUnchanged() throws Exception {
    // a crash between the push and the offset commit: Kafka hands the same event over again
    var event = fx.push("sales-analytics", ZERO, initial);
    service.worker().handle(event);

    DeployWorker.EventResult again = service.worker().handle(event);

    assertThat(again.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Unchanged);
    assertThat(fx.deployLog("sales-analytics", "dev")).hasSize(1);
    // a fresh replica (empty mirror) agrees
    DeployWorker.EventResult elsewhere = fx.service(tmp.resolve("other")).worker().handle(event);
    assertThat(elsewhere.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Unchanged);
  }

  @Test
  void anEventForAnOlderSourceCommitIsStale() throws Exception {
    String a = fx.changeFloe("sales-analytics", "a");
    String b = fx.changeFloe("sales-analytics", "b");
    push(initial, b);
    // the source branch is moved back (force push): its head is now an ancestor of what is deployed
    fx.work("sales-analytics").run("push", "-q", "-f", "origin", a + ":refs/heads/main");

    DeployWorker.EventResult result = push(b, a);

    assertThat(result.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Stale);
    assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Source-Commit")).isEqualTo(b);
    assertThat(DeployWorker.toQueue(result)).isInstanceOf(ProcessingOutcome.Done.class);
  }

  @Test
  void pushesToDeployBranchesAndDeletionsAreIgnored() {
    var deletion = dev.floe.gitops.webhook.event.EventRecord.push(dev.floe.gitops.webhook.event.Provider.GITHUB, "d1",
        "acme/sales-analytics", "x", "refs/heads/main", initial, ZERO, WorkerFixture.CLOCK.instant(), null);
    var own = dev.floe.gitops.webhook.event.EventRecord.push(dev.floe.gitops.webhook.event.Provider.GITHUB, "d2",
        "acme/sales-analytics", "x", "refs/heads/deploy/dev", ZERO, initial, WorkerFixture.CLOCK.instant(), null);
    var other = dev.floe.gitops.webhook.event.EventRecord.push(dev.floe.gitops.webhook.event.Provider.GITHUB, "d3",
        "acme/unknown", "x", "refs/heads/main", ZERO, initial, WorkerFixture.CLOCK.instant(), null);

    assertThat(service.worker().handle(deletion).ignored()).isEqualTo("ref deleted");
    assertThat(service.worker().handle(own).ignored()).isEqualTo("push to a deploy branch");
    assertThat(service.worker().handle(other).ignored()).contains("not served");
    assertThat(fx.deployLog("sales-analytics", "dev")).isEmpty();
  }

  @Test
  void anInvalidFloeYamlIsFinalAndMakesNoCommit() throws Exception {
    push(ZERO, initial);
    String bad = fx.commit("sales-analytics", "floe.yaml",
        fx.work("sales-analytics").run("show", "HEAD:floe.yaml").replace("schedules:", "schedulez:") + "\n", "typo");

    DeployWorker.EventResult result = push(initial, bad);

    assertThat(result.outcomes().get("dev")).isInstanceOfSatisfying(DeployOutcome.Invalid.class,
        i -> assertThat(i.errors()).anyMatch(e -> e.startsWith("floe.yaml:") && e.contains("schedulez")));
    assertThat(fx.deployLog("sales-analytics", "dev")).hasSize(1);
    ProcessingOutcome queue = DeployWorker.toQueue(result);
    assertThat(queue).isInstanceOfSatisfying(ProcessingOutcome.Done.class, d -> assertThat(d.outcome()).contains("invalid"));
  }

  @Test
  void aPolicyFindingIsFinalAndMakesNoCommit() throws Exception {
    // the compiler already refuses known token formats in floe.yaml, so the rendered-tree scan is shown with an
    // administrator's custom rule (an internal ticket token format) that only the policy engine knows
    dev.floe.gitops.policy.PolicyEngine policy = new dev.floe.gitops.policy.PolicyEngine(
        dev.floe.gitops.policy.PolicyConfig.fromMap(Map.of("customRules", List.of(Map.of(
            "id", "internal-ticket-token", "regex", "TKT-[0-9]{6}-[A-Z]{4}", "keywords", List.of("TKT-"),
            "description", "internal ticket token", "remediation", "keep ticket tokens out of Git")))));
    service = fx.service(tmp.resolve("data-policy"), policy, a -> java.time.Duration.ZERO, null);
    push(ZERO, initial);
    String token = "TKT-123456-ABCD";
    String leaky = fx.changeFloe("sales-analytics", token);

    DeployWorker.EventResult result = push(initial, leaky);

    assertThat(result.outcomes().get("dev")).isInstanceOfSatisfying(DeployOutcome.PolicyViolation.class,
        v -> assertThat(v.findings()).isNotEmpty().allMatch(f -> f.contains("internal-ticket-token")).noneMatch(f -> f.contains(token)));
    assertThat(fx.deployLog("sales-analytics", "dev")).hasSize(1);
    assertThat(DeployWorker.toQueue(result)).isInstanceOfSatisfying(ProcessingOutcome.Done.class,
        d -> assertThat(d.outcome()).contains("policy violation").doesNotContain(token));
  }

  @Test
  void aRepositoryThatCannotBeReachedIsTransientThenTheReconcilerRecovers() throws Exception {
    Path bare = fx.hosts.resolve("sales-analytics.git");
    Path away = fx.hosts.resolve("away.git");
    java.nio.file.Files.move(bare, away);

    DeployWorker.EventResult result = push(ZERO, initial);

    assertThat(result.outcomes().values()).allMatch(o -> o instanceof DeployOutcome.Transient t
        && t.cause().startsWith("failed to fetch acme/sales-analytics"));
    assertThat(DeployWorker.toQueue(result)).isInstanceOf(ProcessingOutcome.Retry.class);
    assertThat(service.reconciler().tick().values()).allMatch(o -> o instanceof DeployOutcome.Transient);

    java.nio.file.Files.move(away, bare);
    Map<String, DeployOutcome> recovered = service.reconciler().tick();

    assertThat(recovered.values()).hasSize(2).allMatch(o -> o instanceof DeployOutcome.Deployed);
    assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Delivery")).isEqualTo("reconcile");
    assertThat(service.reconciler().tick()).isEmpty(); // nothing moved since
    fx.verifyWithCGitAndKubectl("sales-analytics");
  }

  @Test
  void theReconcilerCatchesAMissedWebhookOnItsScheduler() throws Exception {
    var scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      var ticking = service.reconciler().start(scheduler, java.time.Duration.ofMillis(100));
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
          .until(() -> fx.deployLog("sales-analytics", "dev").size() == 1);
      String changed = fx.changeFloe("sales-analytics", "missed"); // no event for this push
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
          .until(() -> fx.deployLog("sales-analytics", "dev").size() == 2);
      ticking.cancel(false);
      assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Source-Commit")).isEqualTo(changed);
      assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Delivery")).isEqualTo("reconcile");
    } finally {
      scheduler.shutdownNow();
      scheduler.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
