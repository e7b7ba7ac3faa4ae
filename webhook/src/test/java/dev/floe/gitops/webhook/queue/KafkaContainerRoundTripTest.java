package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.EventRecords;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One publish/consume round trip against a stock Apache Kafka image, i.e. not our embedded broker:
 * the "external cluster" configuration. Skipped where there is no Docker engine (BUILD-NOTES §3).
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerRoundTripTest {

  @Container
  private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void anEventPublishedToAnExternalClusterIsProcessed() throws Exception {
    QueueSettings settings = QueueSettings.external(KAFKA.getBootstrapServers(), "worker-0")
        .withPartitions(2)
        .withTopics("events-container", "events-container.dlq");
    // The single-broker container cannot hold 3 replicas.
    settings = new QueueSettings(settings.bootstrapServers(), settings.topic(),
        settings.deadLetterTopic(), settings.partitions(), (short) 1, settings.groupId(),
        settings.groupInstanceId(), Duration.ofSeconds(10), settings.produceTimeout(),
        settings.maxAttempts(), settings.backoffBase(), settings.backoffMax(), settings.clientProperties());
    TopicsInitializer.ensureTopics(vertx, settings).await(30, TimeUnit.SECONDS);
    RecordingProcessor processor = RecordingProcessor.allDone();
    vertx.deployVerticle(new EventConsumerLoop(settings, processor, attempt -> Duration.ZERO))
        .await(30, TimeUnit.SECONDS);
    EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());

    publisher.publish(EventRecords.push("sales-analytics", "container-1")).await(30, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(60)).until(() -> processor.deliveryIds().contains("container-1"));
    assertThat(processor.calls.get(0).event().repository()).isEqualTo("sales-analytics");
    publisher.close().await(10, TimeUnit.SECONDS);
  }
}
