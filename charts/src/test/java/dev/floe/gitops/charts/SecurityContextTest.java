package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pod the chart runs is non-root, read-only, without privileges, and probed on its management port. */
class SecurityContextTest {

  static Stream<Path> ciValues() {
    return HelmChart.ciValuesFiles().stream();
  }

  private static List<PodSpec> pods(Rendered rendered) {
    List<PodSpec> pods = new ArrayList<>();
    rendered.all(StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
    rendered.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
    return pods;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void podsAreLockedDown(Path values) {
    List<PodSpec> pods = pods(HelmChart.template(values));

    assertThat(pods).hasSize(2);
    for (PodSpec pod : pods) {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
      assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("tmp")).singleElement()
          .extracting(Volume::getEmptyDir).isNotNull();
      for (Container container : pod.getContainers()) {
        var context = container.getSecurityContext();
        assertThat(context.getRunAsNonRoot()).isTrue();
        assertThat(context.getRunAsUser()).isEqualTo(10001L);
        assertThat(context.getReadOnlyRootFilesystem()).isTrue();
        assertThat(context.getAllowPrivilegeEscalation()).isFalse();
        assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
          assertThat(m.getName()).isEqualTo("tmp");
          assertThat(m.getMountPath()).isEqualTo("/tmp");
        });
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void noEnvironmentVariableCanBeMistakenForConfiguration(Path values) {
    // FLOE_GITOPS_* variables override floe-gitops.yaml, and an unknown one stops the start. Kubernetes service links
    // would add FLOE_GITOPS_SERVICE_HOST, FLOE_GITOPS_ADMISSION_PORT=tcp://... for this release's own Services.
    for (PodSpec pod : pods(HelmChart.template(values))) {
      assertThat(pod.getEnableServiceLinks()).isFalse();
      assertThat(pod.getContainers().get(0).getEnv()).extracting(e -> e.getName())
          .noneMatch(name -> name.startsWith("FLOE_GITOPS_"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void noMountSitsInsideAnotherMount(Path values) {
    // The runtime cannot create a mount point inside a read-only ConfigMap or Secret volume.
    for (PodSpec pod : pods(HelmChart.template(values))) {
      List<String> paths = pod.getContainers().get(0).getVolumeMounts().stream().map(m -> m.getMountPath()).toList();
      for (String outer : paths) {
        assertThat(paths).noneMatch(inner -> inner.startsWith(outer + "/"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ciValues")
  void probesUseTheManagementPort(Path values) {
    for (PodSpec pod : pods(HelmChart.template(values))) {
      Container container = pod.getContainers().get(0);
      assertThat(container.getPorts()).anySatisfy(p -> {
        assertThat(p.getName()).isEqualTo("management");
        assertThat(p.getContainerPort()).isEqualTo(8081);
      });
      assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
      assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
      assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
      assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
      assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    }
  }
}
