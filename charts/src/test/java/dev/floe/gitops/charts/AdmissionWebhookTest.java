package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MatchCondition;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The blast radius decided in SPEC §8, exactly: what is reviewed, what fails closed, what is never intercepted. */
class AdmissionWebhookTest {

  private static final List<String> CREATE_UPDATE = List.of("CREATE", "UPDATE");

  private final Rendered defaults = HelmChart.defaults();

  private ValidatingWebhook webhook(Rendered rendered, String name) {
    return rendered.one(ValidatingWebhookConfiguration.class).getWebhooks().stream()
        .filter(w -> w.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void workloadsAndConfigMapsFailClosedOnCreateAndUpdate() {
    ValidatingWebhook workloads = webhook(defaults, "workloads.admission.floe-gitops.dev");

    assertThat(workloads.getFailurePolicy()).isEqualTo("Fail");
    assertThat(workloads.getRules()).allSatisfy(rule -> {
      assertThat(rule.getOperations()).containsExactlyElementsOf(CREATE_UPDATE);
      assertThat(rule.getApiVersions()).containsExactly("v1");
      assertThat(rule.getScope()).isEqualTo("Namespaced");
    });
    assertThat(workloads.getRules()).extracting(RuleWithOperations::getApiGroups, RuleWithOperations::getResources)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(List.of(""),
                List.of("pods", "pods/ephemeralcontainers", "replicationcontrollers", "configmaps")),
            org.assertj.core.groups.Tuple.tuple(List.of("apps"),
                List.of("deployments", "statefulsets", "daemonsets", "replicasets")),
            org.assertj.core.groups.Tuple.tuple(List.of("batch"), List.of("jobs", "cronjobs")));
    assertThat(workloads.getRules()).flatExtracting(RuleWithOperations::getResources).doesNotContain("secrets");
  }

  @Test
  void everythingElseFailsOpenAndNeverSeesLeasesEventsReviewsOrSecrets() {
    ValidatingWebhook other = webhook(defaults, "other.admission.floe-gitops.dev");

    assertThat(other.getFailurePolicy()).isEqualTo("Ignore");
    RuleWithOperations rule = other.getRules().get(0);
    assertThat(other.getRules()).hasSize(1);
    assertThat(rule.getOperations()).containsExactlyElementsOf(CREATE_UPDATE);
    assertThat(rule.getApiGroups()).containsExactly("*");
    assertThat(rule.getResources()).containsExactly("*");
    String conditions = String.join(" && ", other.getMatchConditions().stream().map(MatchCondition::getExpression).toList());
    assertThat(conditions).contains("'coordination.k8s.io'", "'events.k8s.io'", "'authentication.k8s.io'",
        "'authorization.k8s.io'", "['events', 'secrets']");
    // high-churn plumbing that can hold neither a pod template nor a credential
    assertThat(conditions).contains("request.resource.resource == 'endpoints'",
        "request.resource.group == 'discovery.k8s.io' && request.resource.resource == 'endpointslices'");
    // nothing is reviewed twice: the workload kinds are left to the first webhook
    assertThat(conditions).contains("['pods', 'replicationcontrollers', 'configmaps']",
        "['deployments', 'statefulsets', 'daemonsets', 'replicasets']", "['jobs', 'cronjobs']");
  }

  @Test
  void bothWebhooksShareTheSafetySettings() {
    for (ValidatingWebhook webhook : defaults.one(ValidatingWebhookConfiguration.class).getWebhooks()) {
      assertThat(webhook.getSideEffects()).isEqualTo("None");
      assertThat(webhook.getTimeoutSeconds()).isEqualTo(5);
      assertThat(webhook.getAdmissionReviewVersions()).containsExactly("v1");
      assertThat(webhook.getMatchPolicy()).isEqualTo("Equivalent");
      assertThat(webhook.getClientConfig().getService().getName()).isEqualTo("floe-gitops-admission");
      assertThat(webhook.getClientConfig().getService().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
      assertThat(webhook.getClientConfig().getService().getPath()).isEqualTo("/validate");
      assertThat(webhook.getClientConfig().getService().getPort()).isEqualTo(443);
      LabelSelectorRequirement excluded = webhook.getNamespaceSelector().getMatchExpressions().get(0);
      assertThat(excluded.getKey()).isEqualTo("kubernetes.io/metadata.name");
      assertThat(excluded.getOperator()).isEqualTo("NotIn");
      assertThat(excluded.getValues())
          .containsExactly("kube-system", "kube-node-lease", "kube-public", HelmChart.NAMESPACE);
    }
  }

  @Test
  void extraExcludedNamespacesAreAdded() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("cert-manager-values.yaml"));

    for (ValidatingWebhook webhook : rendered.one(ValidatingWebhookConfiguration.class).getWebhooks()) {
      assertThat(webhook.getNamespaceSelector().getMatchExpressions().get(0).getValues())
          .containsExactly("kube-system", "kube-node-lease", "kube-public", HelmChart.NAMESPACE, "cert-manager");
    }
  }

  @Test
  void certManagerInjectsTheCaOfTheServingCertificate() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("cert-manager-values.yaml"));

    ValidatingWebhookConfiguration configuration = rendered.one(ValidatingWebhookConfiguration.class);
    assertThat(configuration.getMetadata().getAnnotations())
        .containsEntry("cert-manager.io/inject-ca-from", HelmChart.NAMESPACE + "/floe-gitops-admission");
    assertThat(configuration.getWebhooks()).allSatisfy(w -> assertThat(w.getClientConfig().getCaBundle()).isNull());

    GenericKubernetesResource serving = rendered.generic("Certificate").stream()
        .filter(c -> c.getMetadata().getName().equals("floe-gitops-admission")).findFirst().orElseThrow();
    assertThat((String) serving.get("spec", "secretName")).isEqualTo("floe-gitops-admission-tls");
    List<?> dnsNames = serving.get("spec", "dnsNames");
    assertThat(dnsNames).asString().contains("floe-gitops-admission." + HelmChart.NAMESPACE + ".svc,");
    assertThat((String) serving.get("spec", "issuerRef", "name")).isEqualTo("floe-gitops-admission-ca");
    GenericKubernetesResource ca = rendered.generic("Certificate").stream()
        .filter(c -> c.getMetadata().getName().equals("floe-gitops-admission-ca")).findFirst().orElseThrow();
    assertThat((Boolean) ca.get("spec", "isCA")).isTrue();
    assertThat(rendered.generic("Issuer")).extracting(i -> i.getMetadata().getName())
        .containsExactlyInAnyOrder("floe-gitops-admission-selfsigned", "floe-gitops-admission-ca");
    assertThat(tlsSecretOf(rendered)).isEqualTo("floe-gitops-admission-tls");
  }

  @Test
  void aProvidedCaBundleAndSecretReplaceCertManager() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("provided-ca-values.yaml"));

    ValidatingWebhookConfiguration configuration = rendered.one(ValidatingWebhookConfiguration.class);
    Map<String, String> annotations = configuration.getMetadata().getAnnotations();
    assertThat(annotations == null ? Map.of() : annotations).doesNotContainKey("cert-manager.io/inject-ca-from");
    assertThat(configuration.getWebhooks()).allSatisfy(w -> assertThat(
        new String(Base64.getDecoder().decode(w.getClientConfig().getCaBundle()), StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN CERTIFICATE-----"));
    assertThat(rendered.generic("Certificate")).isEmpty();
    assertThat(rendered.generic("Issuer")).isEmpty();
    assertThat(tlsSecretOf(rendered)).isEqualTo("admission-serving-tls");
  }

  @Test
  void atLeastTwoSpreadReplicasBehindADisruptionBudget() {
    Deployment deployment = defaults.named(Deployment.class, "floe-gitops-admission");

    assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    var antiAffinity = deployment.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity();
    assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()).singleElement()
        .satisfies(t -> assertThat(t.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
    PodDisruptionBudget budget = defaults.one(PodDisruptionBudget.class);
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(budget.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());

    Deployment hard = HelmChart.template(HelmChart.ciValues("ha-external-kafka-values.yaml"))
        .named(Deployment.class, "floe-gitops-admission");
    assertThat(hard.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution()).singleElement()
        .satisfies(t -> assertThat(t.getTopologyKey()).isEqualTo("kubernetes.io/hostname"));
  }

  @Test
  void theAdmissionCommandServesTlsFromTheMountedSecret() {
    PodSpec pod = defaults.named(Deployment.class, "floe-gitops-admission").getSpec().getTemplate().getSpec();

    assertThat(pod.getContainers().get(0).getArgs()).containsExactly("admission", "--port", "8443",
        "--management-port", "8081", "--cert", "/etc/floe-gitops-tls/tls.crt", "--key", "/etc/floe-gitops-tls/tls.key",
        "--config", "/etc/floe-gitops/floe-gitops.yaml");
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/floe-gitops-tls"));
  }

  @Test
  void disablingAdmissionRemovesAllOfIt() {
    Rendered rendered = HelmChart.template(HelmChart.sets("admission.enabled", false));

    assertThat(rendered.names()).noneMatch(n -> n.contains("admission"));
  }

  private static String tlsSecretOf(Rendered rendered) {
    return rendered.named(Deployment.class, "floe-gitops-admission").getSpec().getTemplate().getSpec().getVolumes()
        .stream().filter(v -> v.getName().equals("tls")).findFirst().orElseThrow().getSecret().getSecretName();
  }
}
