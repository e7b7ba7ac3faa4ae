package dev.floe.gitops.runtime.config;

import java.util.Optional;

/** {@code namespace} empty: the service's own namespace (from the service account). */
public record KubernetesConfig(boolean secrets, Optional<String> namespace) {}
