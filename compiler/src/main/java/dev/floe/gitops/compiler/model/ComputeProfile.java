package dev.floe.gitops.compiler.model;

import java.util.Map;

/** platform.yaml {@code compute.<name>}; properties are adapter settings (values may be {secret_ref} maps). */
public record ComputeProfile(String name, String type, Map<String, Object> properties, Credentials credentials) {
}
