package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.Provider;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A graceful stop lets the record in flight finish and commits it, so it is not done again after a restart. */
@ExtendWith(KafkaBrokerExtension.class)
class DrainOnStopTest {

  @Test
  void stopWaitsForTheRecordInFlightAndCommitsIt(EmbeddedKafkaBroker broker) throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, "drain").withPartitions(1);
    Vertx vertx = Vertx.vertx();
    try {
      TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
      AtomicBoolean started = new AtomicBoolean();
      AtomicBoolean finished = new AtomicBoolean();
      String loop = vertx.deployVerticle(new EventConsumerLoop(settings, (event, delivery) -> {
        started.set(true);
        Promise<ProcessingOutcome> slow = Promise.promise();
        vertx.setTimer(1_000, id -> {
          finished.set(true);
          slow.complete(new ProcessingOutcome.Done("slow"));
        });
        return slow.future();
      }, attempt -> Duration.ZERO).drainTimeout(Duration.ofSeconds(15))).await(20, TimeUnit.SECONDS);
      EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());
      publisher.publish(EventRecord.push(Provider.GITHUB, "drain-1", "acme/sales", "https://github.com/acme/sales.git",
          "refs/heads/main", "0".repeat(39) + "1", "a".repeat(40), Instant.now(), null)).await(20, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).untilTrue(started);

      vertx.undeploy(loop).await(30, TimeUnit.SECONDS);

      assertThat(finished).isTrue();
      assertThat(QueueTestSupport.committedOffset(settings.bootstrapServers(), settings.groupId(), settings.topic(), 0))
          .isEqualTo(1L);
      publisher.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
