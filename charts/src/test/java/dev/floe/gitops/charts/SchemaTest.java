package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** values.schema.json refuses the unsafe and the misspelt before anything reaches a cluster. */
class SchemaTest {

  private static void refused(Map<String, Object> sets, String... messageParts) {
    assertThatThrownBy(() -> HelmChart.template(sets))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContainingAll(messageParts);
  }

  @Test
  void twoWebhookReplicasNeedAnExternalKafka() {
    refused(HelmChart.sets("webhook.replicas", 2), "/kafka/bootstrapServers", "minLength");

    StatefulSet scaled = HelmChart.template(HelmChart.sets("webhook.replicas", 2, "kafka.bootstrapServers", "kafka:9092"))
        .one(StatefulSet.class);
    assertThat(scaled.getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void oneAdmissionReplicaIsRefused() {
    refused(HelmChart.sets("admission.replicas", 1), "/admission/replicas", "minimum: got 1, want 2");
  }

  @Test
  void aDisruptionBudgetThatWouldBlockEveryDrainIsRefused() {
    assertThatThrownBy(() -> HelmChart.template(HelmChart.sets("admission.podDisruptionBudget.minAvailable", 2)))
        .hasMessageContaining("admission.podDisruptionBudget.minAvailable (2) must be below admission.replicas (2)");
  }

  @Test
  void unknownKeysAreRefusedAtTheTopAndInStructuredBlocks() {
    refused(HelmChart.sets("replicaCount", 2), "replicaCount");
    refused(HelmChart.sets("webhook.replica", 2), "replica");
    refused(HelmChart.sets("admission.tls.caBundel", "x"), "caBundel");
  }

  @Test
  void wrongTypesAndEnumsAreRefused() {
    refused(HelmChart.sets("webhook.replicas", "three"), "/webhook/replicas", "want integer");
    refused(HelmChart.sets("image.pullPolicy", "Sometimes"), "/image/pullPolicy");
    refused(HelmChart.sets("admission.tls.mode", "vault"), "/admission/tls/mode");
    refused(HelmChart.sets("kafka.security.protocol", "TLS"), "/kafka/security/protocol");
    refused(HelmChart.sets("config.admission.mode", "block"), "/config/admission/mode");
  }

  @Test
  void chartManagedKeysCannotBeSetThroughConfig() {
    refused(HelmChart.sets("config.dataDir", "/elsewhere"), "'dataDir'");
    refused(HelmChart.sets("config.server.port", 9090), "/config/server", "'port'");
    refused(HelmChart.sets("config.kafka.bootstrapServers", "kafka:9092"), "/config/kafka", "'bootstrapServers'");
    refused(HelmChart.sets("config.admission.certFile", "/tmp/x"), "/config/admission", "'certFile'");
  }

  @Test
  void providedTlsNeedsACaBundleAndASecret() {
    refused(HelmChart.sets("admission.tls.mode", "provided"), "/admission/tls/caBundle", "/admission/tls/existingSecret");
  }

  @Test
  void saslNeedsUsernameAndPasswordReferences() {
    refused(HelmChart.sets("kafka.bootstrapServers", "kafka:9093", "kafka.security.protocol", "SASL_SSL"),
        "/kafka/security/username", "/kafka/security/password");
  }
}
