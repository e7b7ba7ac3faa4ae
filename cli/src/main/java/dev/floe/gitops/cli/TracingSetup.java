package dev.floe.gitops.cli;

import dev.floe.gitops.runtime.tracing.Tracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the service's {@link Tracing} from the standard OTEL_* variables of the environment map
 * handed to {@code serve} (the OpenTelemetry SDK's autoconfigure, OTLP over HTTP/protobuf).
 *
 * <p>Tracing is off, and costs no SDK at all ({@link Tracing#noop()}), unless one of {@link
 * #SWITCHES} is set; {@code OTEL_SDK_DISABLED=true} or {@code OTEL_TRACES_EXPORTER=none} turn it
 * off again. Only traces are exported: metrics are Prometheus on the management port and logs go to
 * stdout, so the SDK's metrics and logs exporters default to {@code none}.
 */
final class TracingSetup {

  static final List<String> SWITCHES = List.of("OTEL_TRACES_EXPORTER",
      "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");

  /** The tracing to use and how to flush it at shutdown. */
  record Setup(Tracing tracing, OpenTelemetrySdk sdk) {
    void close() {
      if (sdk != null) {
        CompletableResultCode done = sdk.shutdown();
        done.join(5, TimeUnit.SECONDS);
      }
    }
  }

  private TracingSetup() {}

  static boolean wanted(Map<String, String> environment) {
    if ("true".equalsIgnoreCase(environment.getOrDefault("OTEL_SDK_DISABLED", "").trim())
        || "none".equalsIgnoreCase(environment.getOrDefault("OTEL_TRACES_EXPORTER", "").trim())) {
      return false;
    }
    return SWITCHES.stream().anyMatch(k -> !environment.getOrDefault(k, "").isBlank());
  }

  static Setup fromEnvironment(Map<String, String> environment) {
    if (!wanted(environment)) {
      return new Setup(Tracing.noop(), null);
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.service.name", "floe-gitops");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.exporter.otlp.protocol", "http/protobuf");
    environment.forEach((key, value) -> {
      if (key.startsWith("OTEL_")) {
        properties.put(key.toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        // only the map we were handed, not System.getenv() behind its back
        .addPropertiesSupplier(() -> properties)
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    return new Setup(Tracing.of(sdk), sdk);
  }
}
