package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `helm lint` is clean, and every CI value set renders objects that fabric8 reads completely. */
class ChartRenderTest {

  /** Custom resources the chart renders; fabric8 has no model for them, so only their envelope is checked. */
  private static final Set<String> CUSTOM_API_VERSIONS = Set.of("cert-manager.io/v1", "monitoring.coreos.com/v1");

  static Stream<Path> ciValues() {
    return HelmChart.ciValuesFiles().stream();
  }

  @Test
  void lintIsCleanWithNoWarnings() {
    LintResult lint = HelmChart.lint();

    assertThat(lint.isFailed()).as("lint failed: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void lintIsCleanWithEveryCiValueSet(Path values, @TempDir Path scratch) {
    LintResult lint = HelmChart.lint(values, scratch);

    assertThat(lint.isFailed()).as("lint failed: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  void theFiveCiValueSetsExist() {
    assertThat(HelmChart.ciValuesFiles()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
        "minimal-values.yaml", "ha-external-kafka-values.yaml", "cert-manager-values.yaml",
        "provided-ca-values.yaml", "gitlab-values.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void everyObjectParsesAsItsModelWithNoUnknownFields(Path values) {
    Rendered rendered = HelmChart.template(values);

    assertThat(rendered.objects()).isNotEmpty();
    for (HasMetadata object : rendered.objects()) {
      String where = object.getKind() + "/" + object.getMetadata().getName() + " (" + values.getFileName() + ")";
      if (object instanceof GenericKubernetesResource generic) {
        assertThat(CUSTOM_API_VERSIONS).as("%s has no fabric8 model", where).contains(generic.getApiVersion());
        assertThat(generic.getKind()).as(where).isIn("Certificate", "Issuer", "ServiceMonitor");
        assertThat(generic.getMetadata().getName()).as(where).isNotBlank();
        assertThat(generic.getMetadata().getNamespace()).as(where).isEqualTo(HelmChart.NAMESPACE);
        continue;
      }
      assertThat(UnknownFields.strict().find(object)).as("unknown fields in %s", where).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void namespacedObjectsLandInTheReleaseNamespaceAndNothingIsAHook(Path values) {
    Rendered rendered = HelmChart.template(values);

    for (HasMetadata object : rendered.objects()) {
      var annotations = object.getMetadata().getAnnotations();
      assertThat(annotations == null ? Set.of() : annotations.keySet())
          .as("%s is a hook; the chart owns its objects so uninstall removes them", object.getKind())
          .noneMatch(key -> key.startsWith("helm.sh/hook"));
      if (!object.getKind().equals("ValidatingWebhookConfiguration")) {
        assertThat(object.getMetadata().getNamespace()).as(object.getKind()).isEqualTo(HelmChart.NAMESPACE);
      }
    }
  }

  @Test
  void theDefaultsRenderTheWholeService() {
    List<String> names = HelmChart.defaults().names();

    assertThat(names).contains(
        "StatefulSet/floe-gitops", "Service/floe-gitops", "Service/floe-gitops-headless",
        "ConfigMap/floe-gitops-config", "ServiceAccount/floe-gitops", "NetworkPolicy/floe-gitops",
        "Deployment/floe-gitops-admission", "Service/floe-gitops-admission",
        "PodDisruptionBudget/floe-gitops-admission", "ValidatingWebhookConfiguration/floe-gitops-admission",
        "ConfigMap/floe-gitops-admission-config", "ServiceAccount/floe-gitops-admission",
        "Certificate/floe-gitops-admission", "Issuer/floe-gitops-admission-ca");
    assertThat(names).noneMatch(n -> n.startsWith("Role") || n.startsWith("ClusterRole") || n.startsWith("ServiceMonitor"));
  }

  @Test
  void serviceMonitorsScrapeBothManagementPorts() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("ha-external-kafka-values.yaml"));

    List<GenericKubernetesResource> monitors = rendered.generic("ServiceMonitor");
    assertThat(monitors).extracting(m -> m.getMetadata().getName())
        .containsExactlyInAnyOrder("floe-gitops", "floe-gitops-admission");
    for (GenericKubernetesResource monitor : monitors) {
      assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
      assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
      List<?> endpoints = monitor.get("spec", "endpoints");
      assertThat(endpoints).singleElement().asString().contains("port=management").contains("path=/metrics");
    }
  }
}
