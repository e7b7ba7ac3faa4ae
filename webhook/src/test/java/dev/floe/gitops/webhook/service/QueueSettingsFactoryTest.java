package dev.floe.gitops.webhook.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.queue.QueueSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kafka.* → QueueSettings, including the client properties built from secret references. */
class QueueSettingsFactoryTest {

  private static GitopsConfig config(String yaml) {
    ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner()).load(ConfigSource.ofText(
        "profile: local\n" + yaml, Path.of("/tmp/floe-gitops.yaml"), Map.of(), Map.of(), Path.of("/tmp")));
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new IllegalStateException(invalid.report());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }

  @Test
  void theEmbeddedBrokerGetsOneReplicaWhateverTheFileSaysAndTheConfiguredTimeout() {
    QueueSettings s = QueueSettingsFactory.from(
        config("kafka: {produceTimeout: 2s, topic: {partitions: 4, replicationFactor: 3}}\n"),
        "worker-1", ref -> { throw new AssertionError("no secrets for the embedded broker"); });
    assertThat(s.isEmbedded()).isTrue();
    assertThat(s.partitions()).isEqualTo(4);
    assertThat(s.replicationFactor()).isEqualTo((short) 1);
    assertThat(s.produceTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.groupInstanceId()).isEqualTo("worker-1");
    assertThat(s.clientProperties()).isEmpty();
  }

  @Test
  void aSaslClusterGetsAJaasConfigWithQuotedCredentials() {
    QueueSettings s = QueueSettingsFactory.from(config("""
        kafka:
          bootstrapServers: kafka-0:9093,kafka-1:9093
          topic: {replicationFactor: 3}
          security:
            protocol: SASL_SSL
            username: {secret_ref: kafka-user}
            password: {secret_ref: kafka-password}
            trustedCertificates: {secret_ref: kafka-ca}
        """), "worker-1", ref -> SecretValue.of(switch (ref.name()) {
          case "kafka-user" -> "floe";
          case "kafka-password" -> "pa\"ss\\word";
          default -> "-----BEGIN CERTIFICATE-----";
        }));
    assertThat(s.bootstrapServers()).isEqualTo("kafka-0:9093,kafka-1:9093");
    assertThat(s.replicationFactor()).isEqualTo((short) 3);
    assertThat(s.clientProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"floe\" password=\"pa\\\"ss\\\\word\";")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----");
  }
}
