package dev.floe.gitops.runtime.config;

public record ManagementConfig(int port) {}
