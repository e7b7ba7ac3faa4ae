package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is off without an OTEL_* exporter or endpoint, and the OTLP/HTTP exporter builds on the JDK sender. */
class TracingSetupTest {

  @Test
  void offUnlessAnExporterOrEndpointIsSet() {
    assertThat(TracingSetup.wanted(Map.of())).isFalse();
    assertThat(TracingSetup.wanted(Map.of("OTEL_SERVICE_NAME", "x"))).isFalse();
    assertThat(TracingSetup.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))).isTrue();
    assertThat(TracingSetup.wanted(Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    assertThat(TracingSetup.wanted(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
        "OTEL_SDK_DISABLED", "true"))).isFalse();
    assertThat(TracingSetup.wanted(Map.of("OTEL_TRACES_EXPORTER", "none"))).isFalse();
    TracingSetup.Setup off = TracingSetup.fromEnvironment(Map.of());
    assertThat(off.tracing().enabled()).isFalse();
    assertThat(off.sdk()).isNull();
  }

  @Test
  void anEndpointBuildsTheSdkWithTheOtlpHttpExporter() {
    TracingSetup.Setup on = TracingSetup.fromEnvironment(Map.of(
        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1", "OTEL_BSP_SCHEDULE_DELAY", "60000"));
    try {
      assertThat(on.tracing().enabled()).isTrue();
      assertThat(on.sdk().getSdkTracerProvider().toString()).contains("OtlpHttpSpanExporter")
          .contains("floe-gitops");
    } finally {
      on.close();
    }
  }
}
