package dev.floe.gitops.compiler.model;

import java.util.Map;

/** platform.yaml {@code observability}: switches, endpoints, attributes and the nested blocks. */
public record ObservabilityConfig(boolean traces, boolean metrics, boolean lineage, String otlpEndpoint,
                                  String lineageEndpoint, Map<String, String> attributes, ObservabilitySections sections) {
}
