package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Least privilege: `get` on secrets in the release namespace, only when secrets are resolved through the API. */
class RbacTest {

  static Stream<Path> ciValues() {
    return HelmChart.ciValuesFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void nothingClusterWide(Path values) {
    Rendered rendered = HelmChart.template(values);

    assertThat(rendered.all(ClusterRole.class)).isEmpty();
    assertThat(rendered.all(ClusterRoleBinding.class)).isEmpty();
  }

  @Test
  void noRoleAndNoTokenWhenSecretsComeFromFiles() {
    Rendered rendered = HelmChart.defaults();

    assertThat(rendered.all(Role.class)).isEmpty();
    assertThat(rendered.all(RoleBinding.class)).isEmpty();
    assertThat(rendered.one(StatefulSet.class).getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
        .isFalse();
    assertThat(rendered.all(ServiceAccount.class)).allSatisfy(sa -> assertThat(sa.getAutomountServiceAccountToken()).isFalse());
  }

  @Test
  void onlyGetOnTheNamedSecretsInTheReleaseNamespace() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("ha-external-kafka-values.yaml"));

    Role role = rendered.one(Role.class);
    assertThat(role.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    PolicyRule rule = role.getRules().get(0);
    assertThat(role.getRules()).hasSize(1);
    assertThat(rule.getApiGroups()).containsExactly("");
    assertThat(rule.getResources()).containsExactly("secrets");
    assertThat(rule.getVerbs()).containsExactly("get");
    assertThat(rule.getResourceNames()).containsExactly("acme-org-webhook", "sales-fetch-token");

    RoleBinding binding = rendered.one(RoleBinding.class);
    assertThat(binding.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
      assertThat(s.getKind()).isEqualTo("ServiceAccount");
      assertThat(s.getName()).isEqualTo("floe-gitops");
      assertThat(s.getNamespace()).isEqualTo(HelmChart.NAMESPACE);
    });

    StatefulSet service = rendered.one(StatefulSet.class);
    assertThat(service.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("floe-gitops");
    assertThat(service.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isTrue();
  }

  @Test
  void withoutResourceNamesTheRoleCoversTheNamespaceOnly() {
    Role role = HelmChart.template(HelmChart.sets("secrets.kubernetesApi.enabled", true)).one(Role.class);

    assertThat(role.getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getVerbs()).containsExactly("get");
      assertThat(rule.getResourceNames()).isNullOrEmpty();
    });
  }

  @Test
  void theAdmissionWebhookHasItsOwnAccountWithNoToken() {
    Rendered rendered = HelmChart.template(HelmChart.ciValues("ha-external-kafka-values.yaml"));

    var pod = rendered.named(Deployment.class, "floe-gitops-admission").getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("floe-gitops-admission");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(rendered.one(RoleBinding.class).getSubjects())
        .noneMatch(s -> s.getName().equals("floe-gitops-admission"));
  }
}
