package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook service: its StatefulSet, volumes, floe-gitops.yaml, Services and NetworkPolicies agree with each other. */
class ServiceConfigTest {

  private static Map<String, Object> serveConfig(Rendered rendered) {
    return Rendered.yamlMap(rendered.named(ConfigMap.class, "floe-gitops-config").getData().get("floe-gitops.yaml"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  @Test
  void theDataDirectoryIsAPerReplicaVolume() {
    Rendered rendered = HelmChart.defaults();
    StatefulSet set = rendered.one(StatefulSet.class);

    PersistentVolumeClaim claim = set.getSpec().getVolumeClaimTemplates().get(0);
    assertThat(claim.getMetadata().getName()).isEqualTo("data");
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("10Gi");
    Container container = set.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getName()).isEqualTo("data");
      assertThat(m.getMountPath()).isEqualTo(serveConfig(rendered).get("dataDir"));
    });
    assertThat(container.getArgs()).containsExactly("serve", "--config", "/etc/floe-gitops/floe-gitops.yaml");
    assertThat(set.getSpec().getServiceName()).isEqualTo("floe-gitops-headless");
    assertThat(rendered.named(Service.class, "floe-gitops-headless").getSpec().getClusterIP()).isEqualTo("None");
  }

  @Test
  void theEmbeddedBrokerIsTheDefault() {
    Map<String, Object> config = serveConfig(HelmChart.defaults());

    assertThat(map(config, "kafka")).doesNotContainKey("bootstrapServers");
    assertThat(map(config, "server")).containsEntry("port", 8080);
    assertThat(map(config, "management")).containsEntry("port", 8081);
    assertThat(config).containsEntry("secretsDir", "/var/run/secrets/floe");
    assertThat(map(config, "kubernetes")).containsEntry("secrets", false).containsEntry("namespace", HelmChart.NAMESPACE);
  }

  @Test
  void externalKafkaSettingsAreSecretReferences() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("ha-external-kafka-values.yaml"));
    Map<String, Object> kafka = map(serveConfig(rendered), "kafka");

    assertThat(kafka).containsEntry("bootstrapServers",
        "kafka-0.kafka.svc:9093,kafka-1.kafka.svc:9093,kafka-2.kafka.svc:9093");
    assertThat(kafka).containsEntry("produceTimeout", "5s");
    Map<String, Object> security = map(kafka, "security");
    assertThat(security).containsEntry("protocol", "SASL_SSL").containsEntry("saslMechanism", "SCRAM-SHA-512")
        .containsEntry("username", Map.of("secret_ref", "kafka-username"))
        .containsEntry("password", Map.of("secret_ref", "kafka-password"))
        .containsEntry("trustedCertificates", Map.of("secret_ref", "kafka-ca"))
        .doesNotContainKeys("clientCertificate", "clientKey");
    assertThat(map(serveConfig(rendered), "server")).containsEntry("maxBodyBytes", 26214400).containsEntry("port", 8080);

    Volume secrets = rendered.one(StatefulSet.class).getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getName().equals("secrets")).findFirst().orElseThrow();
    assertThat(secrets.getProjected().getSources()).extracting(s -> s.getSecret().getName())
        .containsExactly("floe-gitops-secrets", "floe-gitops-kafka");
  }

  @Test
  void platformsAreMountedAndWiredIntoTheirEnvironments() {
    Rendered rendered = HelmChart.template(null, HelmChart.sets("config.environments.staging.platform", "custom/staging.yaml"),
        Map.of("platforms.dev", HelmChart.repoFile("platform/dev/platform.yaml"),
            "platforms.prod", HelmChart.repoFile("platform/prod/platform.yaml")));

    Map<String, String> data = rendered.named(ConfigMap.class, "floe-gitops-platforms").getData();
    assertThat(data).containsOnlyKeys("dev.yaml", "prod.yaml");
    assertThat(data.get("dev.yaml")).contains("acme-floe-dev-data");
    Map<String, Object> environments = map(serveConfig(rendered), "environments");
    assertThat(environments).containsEntry("dev", Map.of("platform", "/etc/floe-gitops/platforms/dev.yaml"))
        .containsEntry("prod", Map.of("platform", "/etc/floe-gitops/platforms/prod.yaml"))
        .containsEntry("staging", Map.of("platform", "custom/staging.yaml"));
    List<VolumeProjection> sources = rendered.one(StatefulSet.class).getSpec().getTemplate().getSpec().getVolumes()
        .stream().filter(v -> v.getName().equals("config")).findFirst().orElseThrow().getProjected().getSources();
    assertThat(sources.get(1).getConfigMap().getItems())
        .extracting(i -> i.getKey() + "->" + i.getPath())
        .containsExactly("dev.yaml->platforms/dev.yaml", "prod.yaml->platforms/prod.yaml");
    String checksum = rendered.one(StatefulSet.class).getSpec().getTemplate().getMetadata().getAnnotations()
        .get("checksum/platforms");
    assertThat(checksum).isNotEqualTo(HelmChart.defaults().one(StatefulSet.class).getSpec().getTemplate().getMetadata()
        .getAnnotations().get("checksum/platforms"));
  }

  @Test
  void aPlatformRepositoryWinsOverAMountedFile() {
    Rendered rendered = HelmChart.template(null,
        HelmChart.sets("config.environments.dev.platformRepository", "https://github.com/acme/platform.git"),
        Map.of("platforms.dev", HelmChart.repoFile("platform/dev/platform.yaml")));

    assertThat(map(serveConfig(rendered), "environments"))
        .containsEntry("dev", Map.of("platformRepository", "https://github.com/acme/platform.git"));
  }

  @Test
  void withoutPlatformsNothingIsMounted() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("ha-external-kafka-values.yaml"));

    assertThat(rendered.names()).doesNotContain("ConfigMap/floe-gitops-platforms");
    assertThat(map(serveConfig(rendered), "environments")).containsOnlyKeys("dev", "prod");
  }

  @Test
  void theAdmissionConfigHoldsOnlyWhatTheWebhookReads() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("cert-manager-values.yaml"));

    Map<String, Object> config = Rendered.yamlMap(
        rendered.named(ConfigMap.class, "floe-gitops-admission-config").getData().get("floe-gitops.yaml"));
    assertThat(config).doesNotContainKeys("repositories", "organizations", "kafka", "secretsDir", "environments");
    assertThat(map(config, "admission")).containsEntry("mode", "warn").containsEntry("port", 8443)
        .containsEntry("certFile", "/etc/floe-gitops-tls/tls.crt").containsEntry("keyFile", "/etc/floe-gitops-tls/tls.key")
        .containsKey("exemptions");
  }

  @Test
  void aConfigChangeRollsThePods() {
    String before = HelmChart.defaults().one(StatefulSet.class)
        .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    String after = HelmChart.template(HelmChart.sets("config.logging.level", "DEBUG")).one(StatefulSet.class)
        .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    String admissionBefore = HelmChart.defaults().named(Deployment.class, "floe-gitops-admission")
        .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    String admissionAfter = HelmChart.template(HelmChart.sets("config.admission.mode", "audit"))
        .named(Deployment.class, "floe-gitops-admission").getSpec().getTemplate().getMetadata().getAnnotations()
        .get("checksum/config");

    assertThat(before).hasSize(64).isNotEqualTo(after);
    assertThat(admissionBefore).hasSize(64).isNotEqualTo(admissionAfter);
  }

  @Test
  void imageAndPullSecretsComeFromValues() {
    Rendered rendered = HelmChart.template(HelmChart.sets("image.repository", "registry.example/floe-gitops",
        "image.tag", "1.2.3", "image.pullPolicy", "Always", "imagePullSecrets[0]", "regcred"));

    for (PodSpec pod : List.of(rendered.one(StatefulSet.class).getSpec().getTemplate().getSpec(),
        rendered.one(Deployment.class).getSpec().getTemplate().getSpec())) {
      assertThat(pod.getContainers().get(0).getImage()).isEqualTo("registry.example/floe-gitops:1.2.3");
      assertThat(pod.getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
      assertThat(pod.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("regcred");
    }
  }

  @Test
  void networkPoliciesOpenOnlyTheNamedPorts() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("gitlab-values.yaml"));

    List<NetworkPolicyIngressRule> service = rendered.named(NetworkPolicy.class, "floe-gitops").getSpec().getIngress();
    assertThat(service).hasSize(2);
    assertThat(service.get(0).getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("http"));
    assertThat(service.get(0).getFrom()).singleElement().satisfies(peer ->
        assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));
    assertThat(service.get(1).getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("management"));
    assertThat(service.get(1).getFrom()).singleElement().satisfies(peer ->
        assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "monitoring"));

    List<NetworkPolicyIngressRule> admission =
        rendered.named(NetworkPolicy.class, "floe-gitops-admission").getSpec().getIngress();
    assertThat(admission.get(0).getPorts()).singleElement()
        .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("https"));
    assertThat(admission.get(0).getFrom()).as("the API server's addresses cannot be selected").isNullOrEmpty();
    assertThat(admission.get(1).getFrom()).isNotEmpty();
  }
}
