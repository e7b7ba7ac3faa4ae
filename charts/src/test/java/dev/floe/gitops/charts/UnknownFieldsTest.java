package dev.floe.gitops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The strict check itself: it must see a typo deep inside a pod template, or it proves nothing about the chart. */
class UnknownFieldsTest {

  @Test
  void reportsAnUnknownKeyWithItsPath() {
    Rendered rendered = Rendered.parse("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: demo}
        spec:
          selector: {matchLabels: {app: demo}}
          template:
            metadata: {labels: {app: demo}}
            spec:
              containers:
                - name: demo
                  image: demo:1
                  ports: [{containerPort: 80, protocl: TCP}]
        """);

    assertThat(UnknownFields.strict().find(rendered.objects().get(0)))
        .containsExactly("spec.template.spec.containers[0].ports[0].protocl");
  }

  @Test
  void labelsAnnotationsAndConfigMapDataAreNotUnknownFields() {
    Rendered rendered = Rendered.parse("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: demo
          labels: {anything: goes}
          annotations: {any.thing/goes: "yes"}
        data: {free: form}
        """);

    assertThat(UnknownFields.strict().find(rendered.objects().get(0))).isEmpty();
  }
}
