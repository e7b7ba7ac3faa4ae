package dev.floe.gitops.compiler.model;

import java.util.Map;

/**
 * A validated platform.yaml. Profiles are typed; infrastructure, security and governance are validated by the
 * schema and kept as ordered plain maps because the compiler only passes them on.
 */
public record PlatformSpec(String version, Map<String, StorageProfile> storage, Map<String, CatalogProfile> catalogs,
                           Map<String, ComputeProfile> compute, ObservabilityConfig observability,
                           Map<String, LayerConfig> layers, Map<String, Object> infrastructure,
                           Map<String, Object> security, SecretBackends secretBackends, Map<String, Object> governance) {
}
