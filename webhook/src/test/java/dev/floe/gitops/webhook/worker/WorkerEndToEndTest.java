package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventConsumerLoop;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path in one JVM: an event record published to a real Kafka broker, the consumer loop, the deploy
 * worker, and the deploy branch on a repository served over smart HTTP.
 */
@ExtendWith(KafkaBrokerExtension.class)
class WorkerEndToEndTest {

  @TempDir Path tmp;

  @Test
  void aPublishedPushEventEndsAsADeployCommitOverHttp(EmbeddedKafkaBroker broker) throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService gitThreads = Executors.newFixedThreadPool(2);
    try (WorkerFixture fx = WorkerFixture.overHttp(tmp)) {
      fx.seed("sales-analytics");
      String head = fx.changeFloe("sales-analytics", "e2e");
      WorkerService service = fx.service(tmp.resolve("data"));
      DeployWorker worker = new DeployWorker(
          java.util.List.of(fx.repository("sales-analytics")), service.deployer(), gitThreads);
      String unique = UUID.randomUUID().toString().substring(0, 8);
      QueueSettings settings = QueueSettings.embedded("worker-e2e-" + unique)
          .withBootstrapServers(broker.bootstrapServers())
          .withTopics("events-e2e-" + unique, "events-e2e-" + unique + ".dlq")
          .withGroup("group-e2e-" + unique, "worker-e2e-" + unique);
      TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
      vertx.deployVerticle(new EventConsumerLoop(settings, worker, attempt -> Duration.ofMillis(5)))
          .await(20, TimeUnit.SECONDS);
      EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());

      publisher.publish(fx.push("sales-analytics", "0".repeat(40), head)).await(20, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(30)).until(() -> fx.deployLog("sales-analytics", "staging").size() == 1
          && fx.deployLog("sales-analytics", "dev").size() == 1);
      assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Source-Commit")).isEqualTo(head);
      assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Delivery")).startsWith("delivery-");
      fx.verifyWithCGitAndKubectl("sales-analytics");
      publisher.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
      gitThreads.shutdownNow();
    }
  }

  @Test
  void aCrashAfterThePushRedeliversWithoutASecondCommit(EmbeddedKafkaBroker broker) throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService gitThreads = Executors.newFixedThreadPool(2);
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      fx.seed("sales-analytics");
      String head = fx.head("sales-analytics");
      WorkerService service = fx.service(tmp.resolve("data"));
      DeployWorker worker = new DeployWorker(
          java.util.List.of(fx.repository("sales-analytics")), service.deployer(), gitThreads);
      java.util.List<dev.floe.gitops.webhook.queue.ProcessingOutcome> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.atomic.AtomicBoolean crashed = new java.util.concurrent.atomic.AtomicBoolean();
      // the first delivery deploys and pushes, then the replica "dies" before the offset commit
      dev.floe.gitops.webhook.queue.EventProcessor crashing = (event, delivery) -> worker.process(event, delivery)
          .compose(outcome -> {
            seen.add(outcome);
            return crashed.compareAndSet(false, true)
                ? io.vertx.core.Future.failedFuture(new IllegalStateException("crash before the offset commit"))
                : io.vertx.core.Future.succeededFuture(outcome);
          });
      String unique = UUID.randomUUID().toString().substring(0, 8);
      QueueSettings settings = QueueSettings.embedded("worker-crash-" + unique)
          .withBootstrapServers(broker.bootstrapServers())
          .withTopics("events-crash-" + unique, "events-crash-" + unique + ".dlq")
          .withGroup("group-crash-" + unique, "worker-crash-" + unique);
      TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
      vertx.deployVerticle(new EventConsumerLoop(settings, crashing, attempt -> Duration.ofMillis(5)))
          .await(20, TimeUnit.SECONDS);
      EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());

      publisher.publish(fx.push("sales-analytics", "0".repeat(40), head)).await(20, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 2);
      assertThat(seen.get(0)).isInstanceOfSatisfying(dev.floe.gitops.webhook.queue.ProcessingOutcome.Done.class,
          d -> assertThat(d.outcome()).contains("dev: deployed"));
      assertThat(seen.get(1)).isInstanceOfSatisfying(dev.floe.gitops.webhook.queue.ProcessingOutcome.Done.class,
          d -> assertThat(d.outcome()).contains("dev: unchanged").contains("staging: unchanged"));
      assertThat(fx.deployLog("sales-analytics", "dev")).hasSize(1);
      assertThat(fx.deployLog("sales-analytics", "staging")).hasSize(1);
      publisher.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
      gitThreads.shutdownNow();
    }
  }
}
