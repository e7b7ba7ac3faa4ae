package dev.floe.gitops.runtime.config;

/** {@code maxBodyBytes}: the request body cap of the traffic port, enforced while the body streams in. */
public record ServerConfig(int port, int maxBodyBytes) {}
