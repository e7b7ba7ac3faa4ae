package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.Provider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code dlq list|replay}'s core against a real broker: what the DLQ holds, and a replay by repository. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLettersTest {

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void listsDeadLetteredEventsAndReplaysTheChosenOnesWithKeyValueAndTraceparent(EmbeddedKafkaBroker broker)
      throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, "dlq-tool");
    Vertx vertx = Vertx.vertx();
    try {
      TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
      AtomicInteger failed = new AtomicInteger();
      vertx.deployVerticle(new EventConsumerLoop(settings, (event, delivery) -> {
        failed.incrementAndGet();
        return Future.succeededFuture(new ProcessingOutcome.Fail("policy finding in " + event.repository()));
      }, attempt -> Duration.ZERO)).await(20, TimeUnit.SECONDS);
      EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());
      publisher.publish(push("d-1", "acme/sales")).await(20, TimeUnit.SECONDS);
      publisher.publish(push("d-2", "acme/orders")).await(20, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> failed.get() == 2);
      publisher.close().await(10, TimeUnit.SECONDS);

      DeadLetters dlq = new DeadLetters(settings, Duration.ofSeconds(20));
      await().atMost(Duration.ofSeconds(20)).until(() -> dlq.list().size() == 2);
      List<DeadLetters.Entry> entries = dlq.list();
      assertThat(entries).extracting(DeadLetters.Entry::delivery).containsExactlyInAnyOrder("d-1", "d-2");
      DeadLetters.Entry sales = entries.stream().filter(e -> e.delivery().equals("d-1")).findFirst().orElseThrow();
      assertThat(sales.repository()).isEqualTo("acme/sales");
      assertThat(sales.kind()).isEqualTo("push");
      assertThat(sales.ref()).isEqualTo("refs/heads/main");
      assertThat(sales.attempts()).isEqualTo("1");
      assertThat(sales.error()).isEqualTo("policy finding in acme/sales");
      assertThat(sales.traceparent()).isEqualTo(TRACEPARENT);

      int replayed = dlq.replay(entries, e -> "acme/sales".equals(e.repository()));

      assertThat(replayed).isEqualTo(1);
      List<ConsumerRecord<String, byte[]>> main = QueueTestSupport.readAll(settings.bootstrapServers(),
          settings.topic(), 3);
      assertThat(main).hasSize(3);
      ConsumerRecord<String, byte[]> again = main.stream()
          .filter(r -> r.offset() > 0 && r.key().equals("acme/sales")).findFirst().orElseThrow();
      assertThat(again.value()).isEqualTo(sales.value());
      assertThat(new String(again.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
          .isEqualTo(TRACEPARENT);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }

  private static EventRecord push(String delivery, String repository) {
    return EventRecord.push(Provider.GITHUB, delivery, repository, "https://github.com/" + repository + ".git",
        "refs/heads/main", "0".repeat(39) + "1", "a".repeat(40), Instant.parse("2026-01-01T00:00:00Z"),
        TRACEPARENT);
  }
}
