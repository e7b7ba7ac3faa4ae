package dev.floe.gitops.compiler.model;

import java.util.Map;

/** platform.yaml {@code catalogs.<name>}. */
public record CatalogProfile(String name, String type, StringOrRef uri, String warehouse, String namespace,
                             Credentials credentials, String accessDelegation, boolean tokenRefreshEnabled,
                             Map<String, String> properties) {
}
