package dev.floe.gitops.compiler.model;

/** The part of {@code security.secret_backends} that decides how Secrets reach the cluster. */
public record SecretBackends(String primary, String storeName, String storeKind, String vaultSecretPath, String awsPrefix) {
    public static final SecretBackends KUBERNETES = new SecretBackends("kubernetes", null, null, "secret/data/floe", "floe/");

    public boolean usesExternalSecrets() {
        return primary.equals("vault") || primary.equals("aws_secrets_manager");
    }
}
