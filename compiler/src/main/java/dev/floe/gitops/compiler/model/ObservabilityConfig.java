package dev.floe.gitops.compiler.model;

import java.util.Map;

/**
 * platform.yaml {@code observability}. The nested tracing/metrics/logging/compute-log blocks are kept as validated,
 * ordered plain maps: nothing in the compiler interprets them, they are passed through to the artifacts.
 */
public record ObservabilityConfig(boolean traces, boolean metrics, boolean lineage, String otlpEndpoint,
                                  String lineageEndpoint, Map<String, String> attributes, Map<String, Object> tracing,
                                  Map<String, Object> metricsConfig, Map<String, Object> logging,
                                  Map<String, Object> computeLogs) {
    public static final ObservabilityConfig DEFAULTS = new ObservabilityConfig(true, true, true, null, null, Map.of(),
            Map.of(), Map.of(), Map.of(), Map.of());
}
