package dev.floe.gitops.compiler.model;

/** platform.yaml {@code credentials}; {@code secretRef} is the bare name of a static credential's Secret. */
public record Credentials(String mode, StringOrRef clientId, SecretRef clientSecret, String scope, String roleArn,
                          String secretRef) {
    public static final Credentials STATIC = new Credentials("static", null, null, null, null, null);
}
