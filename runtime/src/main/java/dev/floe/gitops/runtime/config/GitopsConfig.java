package dev.floe.gitops.runtime.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The typed floe-gitops.yaml, loaded once in {@code main} and handed down. Paths are absolute.
 * {@code policy} stays an opaque map for the policy module's own parser.
 */
public record GitopsConfig(
        Profile profile,
        ServerConfig server,
        ManagementConfig management,
        Path dataDir,
        Path secretsDir,
        KafkaConfig kafka,
        Map<String, EnvironmentConfig> environments,
        List<RepositoryConfig> repositories,
        List<OrganizationConfig> organizations,
        KubernetesConfig kubernetes,
        ShutdownConfig shutdown,
        LoggingConfig logging,
        AdmissionConfig admission,
        Map<String, Object> policy,
        WorkerConfig worker,
        java.util.Optional<String> publicUrl,
        ReportsConfig reports) {

    public GitopsConfig {
        environments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
        repositories = List.copyOf(repositories);
        organizations = List.copyOf(organizations);
        policy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(policy));
    }
}
