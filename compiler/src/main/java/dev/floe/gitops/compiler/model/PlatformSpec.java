package dev.floe.gitops.compiler.model;

import java.util.Map;

/**
 * A validated platform.yaml with floe-runtime's defaults applied. {@code secretBackends} is the part of
 * {@code security.secret_backends} that decides how Secrets reach the cluster.
 */
public record PlatformSpec(String version, Map<String, StorageProfile> storage, Map<String, CatalogProfile> catalogs,
                           Map<String, ComputeProfile> compute, ObservabilityConfig observability,
                           Map<String, LayerConfig> layers, Infrastructure infrastructure, Security security,
                           SecretBackends secretBackends, PlatformGovernance governance) {
}
