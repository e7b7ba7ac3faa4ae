package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientConfigsTest {

  private static final QueueSettings SETTINGS = new QueueSettings("kafka:9093", "events",
      "events.dlq", 12, (short) 3, "floe-gitops-worker", "worker-0", Duration.ofSeconds(45),
      Duration.ofSeconds(5), 5, Duration.ofSeconds(1), Duration.ofMinutes(2),
      Map.of("security.protocol", "SASL_SSL", "acks", "1", "enable.auto.commit", "true"));

  @Test
  void operatorPropertiesArePassedOnButCannotWeakenDurability() {
    Map<String, String> producer = KafkaClientConfigs.producer(SETTINGS, "p");
    assertThat(producer).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    assertThat(KafkaClientConfigs.consumer(SETTINGS)).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("enable.auto.commit", "false");
  }

  @Test
  void everyProducerWaitIsBoundedByTheProduceTimeout() {
    Map<String, String> producer = KafkaClientConfigs.producer(SETTINGS, "p");
    assertThat(producer).containsEntry("max.block.ms", "5000")
        .containsEntry("request.timeout.ms", "5000")
        .containsEntry("delivery.timeout.ms", String.valueOf(5000 + KafkaClientConfigs.LINGER_MS));
  }

  @Test
  void theConsumerIsAStaticMemberOfTheWorkerGroup() {
    assertThat(KafkaClientConfigs.consumer(SETTINGS))
        .containsEntry("group.id", "floe-gitops-worker")
        .containsEntry("group.instance.id", "worker-0")
        .containsEntry("session.timeout.ms", "45000")
        .containsEntry("heartbeat.interval.ms", "15000");
  }
}
