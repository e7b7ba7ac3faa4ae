package dev.floe.gitops.webhook.service;

import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.config.KafkaConfig;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.queue.QueueSettings;
import java.util.function.Function;

/** The service's configuration ({@code kafka.*}) → the queue's one settings value. */
public final class QueueSettingsFactory {

  private QueueSettingsFactory() {}

  public static QueueSettings from(GitopsConfig config, String groupInstanceId,
      Function<SecretRef, SecretValue> secrets) {
    KafkaConfig kafka = config.kafka();
    QueueSettings base = kafka.bootstrapServers()
        .map(servers -> QueueSettings.external(servers, groupInstanceId))
        .orElseGet(() -> QueueSettings.embedded(groupInstanceId));
    return new QueueSettings(base.bootstrapServers(), base.topic(), base.deadLetterTopic(),
        kafka.topic().partitions(),
        // One node holds one replica, whatever the file says for a cluster.
        (short) (kafka.embedded() ? 1 : kafka.topic().replicationFactor()), base.groupId(),
        groupInstanceId, base.sessionTimeout(), kafka.produceTimeout(), base.maxAttempts(),
        base.backoffBase(), base.backoffMax(),
        kafka.embedded() ? java.util.Map.of()
            : KafkaClientProperties.from(kafka.security(), secrets));
  }
}
