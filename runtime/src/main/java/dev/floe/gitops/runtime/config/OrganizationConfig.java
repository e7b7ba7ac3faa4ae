package dev.floe.gitops.runtime.config;

import dev.floe.gitops.runtime.secrets.SecretRef;

public record OrganizationConfig(String name, GitProvider provider, SecretRef webhookSecret) {}
