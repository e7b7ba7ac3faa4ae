package dev.floe.gitops.compiler.model;

/** platform.yaml {@code storage.<name>}. */
public record StorageProfile(String name, String type, StringOrRef endpoint, String region, String bucket,
                             boolean pathStyleAccess, Credentials credentials) {
}
