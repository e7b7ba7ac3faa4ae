package dev.floe.gitops.runtime.config;

import java.util.List;
import java.util.Optional;

import dev.floe.gitops.runtime.secrets.SecretRef;

/**
 * One served repository. {@code fetchToken} and {@code pushToken} are the worker's HTTPS credentials; the push token falls
 * back to the fetch token, so a read-only token can be paired with a narrower deploy-branch writer.
 */
public record RepositoryConfig(String name, GitProvider provider, String url, Optional<SecretRef> webhookSecret, List<DeployTarget> deploy,
                               Optional<SecretRef> fetchToken, Optional<SecretRef> pushToken, Optional<GitHubAppConfig> githubApp,
                               Optional<SecretRef> sshKey, Optional<SecretRef> sshKnownHosts) {

    public RepositoryConfig {
        deploy = List.copyOf(deploy);
        fetchToken = fetchToken == null ? Optional.empty() : fetchToken;
        pushToken = pushToken == null ? Optional.empty() : pushToken;
        githubApp = githubApp == null ? Optional.empty() : githubApp;
        sshKey = sshKey == null ? Optional.empty() : sshKey;
        sshKnownHosts = sshKnownHosts == null ? Optional.empty() : sshKnownHosts;
    }

    /** The push credential: its own reference, else the fetch token's. */
    public Optional<SecretRef> effectivePushToken() {
        return pushToken.isPresent() ? pushToken : fetchToken;
    }

    /** The organisation part of {@code org/name} (for GitLab subgroups, everything before the last slash). */
    public String owner() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
