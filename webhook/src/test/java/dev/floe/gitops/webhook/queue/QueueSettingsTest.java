package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {

  @Test
  void embeddedDefaultsSuitOneNodeAndExternalDefaultsSuitACluster() {
    QueueSettings embedded = QueueSettings.embedded("worker-0");
    assertThat(embedded.isEmbedded()).isTrue();
    assertThat(embedded.topic()).isEqualTo("floe-gitops.events");
    assertThat(embedded.deadLetterTopic()).isEqualTo("floe-gitops.events.dlq");
    assertThat(embedded.groupId()).isEqualTo("floe-gitops-worker");
    assertThat(embedded.partitions()).isEqualTo(1);
    assertThat(embedded.replicationFactor()).isEqualTo((short) 1);
    assertThat(embedded.produceTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(embedded.maxAttempts()).isEqualTo(5);

    QueueSettings external = QueueSettings.external("kafka:9092", "worker-0");
    assertThat(external.isEmbedded()).isFalse();
    assertThat(external.partitions()).isEqualTo(12);
    assertThat(external.replicationFactor()).isEqualTo((short) 3);
  }

  @Test
  void aBrokenSettingIsRejectedByName() {
    QueueSettings ok = QueueSettings.embedded("worker-0");
    assertThatThrownBy(() -> ok.withTopics("same", "same")).hasMessageContaining("must differ");
    assertThatThrownBy(() -> ok.withPartitions(0)).hasMessageContaining("partitions");
    assertThatThrownBy(() -> ok.withGroup("g", " ")).hasMessageContaining("groupInstanceId");
    assertThatThrownBy(() -> ok.withProduceTimeout(Duration.ZERO)).hasMessageContaining("produceTimeout");
    assertThatThrownBy(() -> ok.withRetries(0, Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void clientPropertiesAreCopiedSoLaterChangesCannotLeakIn() {
    Map<String, String> props = new HashMap<>(Map.of("security.protocol", "SSL"));
    QueueSettings base = QueueSettings.embedded("w");
    QueueSettings settings = new QueueSettings(null, base.topic(), base.deadLetterTopic(), 1,
        (short) 1, base.groupId(), "w", base.sessionTimeout(), base.produceTimeout(), 1,
        base.backoffBase(), base.backoffMax(), props);
    props.put("sasl.jaas.config", "changed");
    assertThat(settings.clientProperties()).containsOnlyKeys("security.protocol");
  }
}
