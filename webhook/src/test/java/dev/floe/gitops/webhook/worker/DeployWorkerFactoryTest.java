package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.webhook.queue.Delivery;
import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import dev.floe.gitops.webhook.queue.OwnedPartitions;
import dev.floe.gitops.webhook.service.PartitionAssignments;
import dev.floe.gitops.webhook.service.ProcessorContext;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory {@code serve} plugs in: configuration text in, a deploy worker and a running reconciler out. */
class DeployWorkerFactoryTest {

  @TempDir Path tmp;

  @Test
  void buildsTheWorkerFromConfigurationAndStartsTheReconciler() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (WorkerFixture fx = WorkerFixture.overFile(tmp); DeployWorkerFactory factory = new DeployWorkerFactory(1)) {
      String url = fx.seed("sales-analytics", List.of("dev")).url();
      GitopsConfig config = config(fx, url, "200ms", "\n  author: {name: Deploy Bot, email: deploy-bot@example.com}");

      EventProcessor worker = factory.create(
          new ProcessorContext(vertx, config, new SecretResolver(List.of()), null, null));
      ProcessingOutcome outcome = worker.process(fx.push("sales-analytics", "0".repeat(40), fx.head("sales-analytics")),
          new Delivery("events", 0, 0, 1, false)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

      assertThat(outcome).isInstanceOfSatisfying(ProcessingOutcome.Done.class, d -> assertThat(d.outcome()).contains("dev: deployed"));
      assertThat(fx.bare("sales-analytics").run("log", "-1", "--format=%an <%ae>", "deploy/dev"))
          .isEqualTo("Deploy Bot <deploy-bot@example.com>");
      String missed = fx.changeFloe("sales-analytics", "no-webhook");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> missed.equals(fx.trailer("sales-analytics", "deploy/dev", "Floe-Source-Commit")));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theReconcilerFollowsThePartitionsTheConsumerAnnounces() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (WorkerFixture fx = WorkerFixture.overFile(tmp); DeployWorkerFactory factory = new DeployWorkerFactory(1)) {
      String url = fx.seed("sales-analytics", List.of("dev")).url();
      GitopsConfig config = config(fx, url, "100ms", "");
      PartitionAssignments assignments = new PartitionAssignments();
      factory.create(new ProcessorContext(vertx, config, new SecretResolver(List.of()), null, null, null, null, null,
          assignments));
      await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> fx.head("sales-analytics")
          .equals(fx.trailer("sales-analytics", "deploy/dev", "Floe-Source-Commit")));

      // a rebalance gives the only partition to another replica: this one leaves the repository alone
      assignments.publish(new OwnedPartitions(Set.of(), 1));
      String missed = fx.changeFloe("sales-analytics", "while-not-owned");
      Thread.sleep(1_000); // ten reconcile intervals
      assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Source-Commit")).isNotEqualTo(missed);

      // it gets the partition back: the next tick catches the head the other owner would have deployed
      assignments.publish(new OwnedPartitions(Set.of(0), 1));
      await().atMost(Duration.ofSeconds(20))
          .until(() -> missed.equals(fx.trailer("sales-analytics", "deploy/dev", "Floe-Source-Commit")));
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** serve's configuration for one repository deploying dev from main, with {@code worker} lines appended. */
  private GitopsConfig config(WorkerFixture fx, String url, String reconcileInterval, String worker) {
    String yaml = """
        profile: local
        dataDir: %s
        environments:
          dev: {platform: %s}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: %s
            deploy:
              - {environment: dev, branch: main}
        worker:
          reconcileInterval: %s%s
        """.formatted(tmp.resolve("data"), fx.platforms.resolve("dev/platform.yaml"), url, reconcileInterval, worker);
    ConfigLoadResult loaded = new ConfigLoader(new BuiltinConfigScanner()).load(ConfigSource.ofText(
        yaml, tmp.resolve("floe-gitops.yaml"), Map.of(), Map.of(), tmp));
    assertThat(loaded).isInstanceOf(ConfigLoadResult.Loaded.class);
    return ((ConfigLoadResult.Loaded) loaded).config();
  }
}
