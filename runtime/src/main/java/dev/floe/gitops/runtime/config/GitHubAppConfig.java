package dev.floe.gitops.runtime.config;

import dev.floe.gitops.runtime.secrets.SecretRef;

/** A GitHub App installation the worker mints short-lived tokens for (fetch and push). */
public record GitHubAppConfig(String appId, String installationId, SecretRef privateKey, String apiUrl) {}
