package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.EventRecords;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class EventPublisherTest {

  private static Vertx vertx;
  private static EmbeddedKafkaBroker broker;
  private final EventRecordCodec codec = new EventRecordCodec();

  @BeforeAll
  static void start(EmbeddedKafkaBroker shared) {
    vertx = Vertx.vertx();
    broker = shared;
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void publishCompletesOnlyOnceKafkaHoldsTheRecordKeyedByRepositoryWithItsTraceparent()
      throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, "publish");
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    EventPublisher publisher = EventPublisher.create(vertx, settings, codec);
    EventRecord event = EventRecords.push("sales-analytics", "d-1");

    Published published = publisher.publish(event).await(20, TimeUnit.SECONDS);

    // The acknowledged position already holds the record when the future completes.
    List<ConsumerRecord<String, byte[]>> records =
        QueueTestSupport.readAll(broker.bootstrapServers(), settings.topic(), 1);
    assertThat(records).hasSize(1);
    ConsumerRecord<String, byte[]> record = records.get(0);
    assertThat(published).isEqualTo(new Published(settings.topic(), record.partition(), record.offset()));
    assertThat(record.key()).isEqualTo("sales-analytics");
    assertThat(codec.decode(record.value())).isEqualTo(event);
    assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
        .isEqualTo(EventRecords.TRACEPARENT);
    publisher.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void ensuringTopicsTwiceIsHarmless() throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, "topics").withPartitions(3);
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    assertThat(QueueTestSupport.topics(broker.bootstrapServers()))
        .contains(settings.topic(), settings.deadLetterTopic());
  }
}
