package dev.floe.gitops.runtime.config;

public record ServerConfig(int port) {}
