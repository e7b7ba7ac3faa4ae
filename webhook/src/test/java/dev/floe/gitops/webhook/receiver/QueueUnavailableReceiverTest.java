package dev.floe.gitops.webhook.receiver;

import static dev.floe.gitops.webhook.receiver.ReceiverHarness.SALES_SECRET;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.hmacHex;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueTestSupport;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Never 202 for an event that is not durable: 503 while Kafka does not acknowledge. */
@ExtendWith(KafkaBrokerExtension.class)
class QueueUnavailableReceiverTest {

  @Test
  void aQueueThatDoesNotAcknowledgeIs503AndTheSameDeliveryIsQueuedOnceItDoes(
      EmbeddedKafkaBroker broker) {
    QueueSettings working = QueueTestSupport.settings(broker, "unavailable");
    // Nothing listens on port 1: the produce times out after the (short) bound.
    QueueSettings nowhere = working.withBootstrapServers("127.0.0.1:1")
        .withProduceTimeout(Duration.ofMillis(800));
    try (ReceiverHarness harness = new ReceiverHarness(r -> { throw new AssertionError(); })) {
      EventPublisher dead = EventPublisher.create(harness.vertx, nowhere, new EventRecordCodec());
      RecordingSink deadSink = new RecordingSink(dead::publish);
      harness.sink.set(deadSink);
      byte[] body = payload("github/push.json");
      ReceiverHarness.Post post = harness.post("github").header("X-GitHub-Event", "push")
          .header("X-GitHub-Delivery", UUID.randomUUID().toString())
          .header("X-Hub-Signature-256", "sha256=" + hmacHex(SALES_SECRET, body));

      long start = System.nanoTime();
      ReceiverHarness.Answer unavailable = post.send(body);
      long tookMs = (System.nanoTime() - start) / 1_000_000;

      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(unavailable.errorCode()).isEqualTo("unavailable");
      assertThat(tookMs).isLessThan(5_000);
      assertThat(deadSink.published).isEmpty();
      assertThat(harness.counter("floe.webhook.requests", "provider", "github", "status", "503"))
          .isEqualTo(1);

      ReceiverHarness.await(TopicsInitializer.ensureTopics(harness.vertx, working));
      EventPublisher live = EventPublisher.create(harness.vertx, working, new EventRecordCodec());
      RecordingSink liveSink = new RecordingSink(live::publish);
      harness.sink.set(liveSink);
      ReceiverHarness.Answer queued = post.send(body);

      // Not remembered as a duplicate: the first attempt never became durable.
      assertThat(queued.status()).isEqualTo(202);
      assertThat(queued.json().getString("status")).isEqualTo("queued");
      assertThat(liveSink.published).hasSize(1);
      ReceiverHarness.await(dead.close());
      ReceiverHarness.await(live.close());
    }
  }
}
