package dev.floe.gitops.compiler.model;

import java.util.List;
import java.util.Map;

/** platform.yaml {@code security} (reference §1.11), with floe-runtime's defaults applied by {@link SectionBinder}. */
public record Security(Authentication authentication, Authorization authorization, SecretBackendsConfig secretBackends,
                       Encryption encryption, Audit audit) {

    public record Authentication(boolean enabled, String method, Oidc oidc, Session session) {
    }

    public record Oidc(String providerUrl, String clientId, SecretRef clientSecret, List<String> scopes,
                       Map<String, String> claimsMapping) {
    }

    public record Session(int timeoutMinutes, int maxSessionsPerUser, boolean secureCookies, String sameSite) {
    }

    public record Authorization(boolean enabled, String mode, Map<String, Role> roles, Map<String, String> groupMappings) {
    }

    public record Role(String description, List<String> permissions) {
    }

    public record SecretBackendsConfig(String primary, KubernetesBackend kubernetes, VaultBackend vault,
                                       AwsSecretsManagerBackend awsSecretsManager, ExternalSecretStore externalSecretsStore) {
    }

    public record KubernetesBackend(boolean enabled, String namespace, String mountPath) {
    }

    public record VaultBackend(boolean enabled, String serverUrl, String authMethod, String kubernetesRole, String secretPath) {
    }

    public record AwsSecretsManagerBackend(boolean enabled, String region, String prefix) {
    }

    public record ExternalSecretStore(String name, String kind) {
    }

    public record Encryption(boolean inTransitEnabled, String minTlsVersion, boolean atRestEnabled, String atRestProvider,
                             SecretRef atRestKeyRef) {
    }

    public record Audit(boolean enabled, Map<String, Boolean> events, String backend, int retentionDays) {
    }
}
