package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterGaugeTest {

  @Test
  void readsTheRecordsWaitingInTheDeadLetterTopicAcrossPartitions(EmbeddedKafkaBroker broker) throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, "dlq-gauge");
    Vertx vertx = Vertx.vertx();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try {
      TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
      DeadLetterGauge gauge = DeadLetterGauge.start(vertx, settings, registry, Duration.ofHours(1));
      assertThat(gauge.refresh().await(20, TimeUnit.SECONDS)).isZero();

      try (KafkaProducer<String, String> producer = new KafkaProducer<>(
          Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
        for (int i = 0; i < 3; i++) {
          producer.send(new ProducerRecord<>(settings.deadLetterTopic(), "acme/repo-" + i, "event " + i)).get();
        }
      }

      assertThat(gauge.refresh().await(20, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(registry.get(DeadLetterGauge.NAME).gauge().value()).isEqualTo(3.0);

      gauge.close(vertx).await(20, TimeUnit.SECONDS);
      assertThat(registry.find(DeadLetterGauge.NAME).gauge()).isNull();
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void keepsTheLastValueWhenTheBrokerCannotBeAsked() throws Exception {
    QueueSettings settings = QueueSettings.embedded("worker-x").withBootstrapServers("127.0.0.1:1")
        .withTopics("events-nowhere", "events-nowhere.dlq");
    Vertx vertx = Vertx.vertx();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try {
      DeadLetterGauge gauge = new DeadLetterGauge(vertx, settings, registry, Duration.ofSeconds(1));
      assertThat(gauge.refresh().await(30, TimeUnit.SECONDS)).isZero();
      assertThat(registry.get(DeadLetterGauge.NAME).gauge().value()).isZero();
      gauge.close(vertx).await(20, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
    }
  }
}
