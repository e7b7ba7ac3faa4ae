package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventConsumerLoop;
import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import dev.floe.gitops.webhook.status.CommitStatus;
import dev.floe.gitops.webhook.status.PostResult;
import dev.floe.gitops.webhook.status.PreviewMode;
import dev.floe.gitops.webhook.status.ReportLinks;
import dev.floe.gitops.webhook.status.ReportStore;
import dev.floe.gitops.webhook.status.ReportingProcessor;
import dev.floe.gitops.webhook.status.StatusClient;
import dev.floe.gitops.webhook.status.StatusState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request through real Kafka, the consumer loop and the real worker, with a replica that "dies" after the
 * worker's outcome and before its final statuses and offset commit: the redelivery finishes the statuses, so no
 * check is left pending.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StatusQueueEndToEndTest {

  @TempDir Path tmp;

  @Test
  void aCrashBeforeTheFinalStatusIsFinishedByTheRedelivery(EmbeddedKafkaBroker broker) throws Exception {
    Vertx vertx = Vertx.vertx();
    ExecutorService git = Executors.newFixedThreadPool(2);
    ExecutorService statuses = Executors.newSingleThreadExecutor();
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      fx.seed("sales-analytics");
      WorkerService service = fx.service(tmp.resolve("data"));
      service.worker().handle(fx.push("sales-analytics", "0".repeat(40), fx.head("sales-analytics")));
      fx.work("sales-analytics").run("checkout", "-q", "-b", "feature");
      String pr = fx.changeFloeOn("sales-analytics", "queued", "refs/pull/3/head");

      List<CommitStatus> posted = new CopyOnWriteArrayList<>();
      AtomicBoolean dead = new AtomicBoolean();
      StatusClient host = new StatusClient() {
        @Override
        public PostResult post(CommitStatus status) {
          if (dead.get() && status.state() != StatusState.PENDING) {
            return new PostResult.Failed(0, "process gone"); // the dying replica never reaches the host
          }
          posted.add(status);
          return new PostResult.Posted("");
        }

        @Override
        public PostResult upsertComment(int pullRequest, String body) {
          return new PostResult.Posted("1");
        }
      };
      ReportingProcessor reporting = new ReportingProcessor(new ReportingProcessor.Wiring(
          List.of(fx.repository("sales-analytics")), service.worker()::handle, r -> host,
          env -> PreviewMode.of(Optional.empty(), env), ReportLinks.none(), new ReportStore(10), git, statuses,
          Duration.ofSeconds(10)));
      AtomicBoolean crashed = new AtomicBoolean();
      EventProcessor crashing = (event, delivery) -> {
        boolean first = crashed.compareAndSet(false, true);
        dead.set(first);
        return reporting.process(event, delivery).compose(outcome -> first
            ? Future.failedFuture(new IllegalStateException("crash before the offset commit"))
            : Future.succeededFuture(outcome));
      };
      String unique = UUID.randomUUID().toString().substring(0, 8);
      QueueSettings settings = QueueSettings.embedded("status-e2e-" + unique)
          .withBootstrapServers(broker.bootstrapServers())
          .withTopics("events-status-" + unique, "events-status-" + unique + ".dlq")
          .withGroup("group-status-" + unique, "status-e2e-" + unique);
      TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
      vertx.deployVerticle(new EventConsumerLoop(settings, crashing, attempt -> Duration.ofMillis(5)))
          .await(20, TimeUnit.SECONDS);
      EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());
      EventRecord event = EventRecord.pullRequest(Provider.GITHUB, "pr-queued", "acme/sales-analytics", "x",
          "refs/heads/feature", pr, "main", 3, null, WorkerFixture.CLOCK.instant(), null);

      publisher.publish(event).await(20, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(60)).until(() -> posted.stream()
          .filter(s -> s.state() == StatusState.SUCCESS).count() == 2);
      assertThat(posted).filteredOn(s -> s.state() == StatusState.SUCCESS)
          .extracting(CommitStatus::context).containsExactlyInAnyOrder("floe/dev", "floe/staging");
      assertThat(posted).allSatisfy(s -> assertThat(s.sha()).isEqualTo(pr));
      publisher.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
      git.shutdownNow();
      statuses.shutdownNow();
    }
  }
}
