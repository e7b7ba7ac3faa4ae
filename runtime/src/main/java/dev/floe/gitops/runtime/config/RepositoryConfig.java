package dev.floe.gitops.runtime.config;

import java.util.List;
import java.util.Optional;

import dev.floe.gitops.runtime.secrets.SecretRef;

public record RepositoryConfig(String name, GitProvider provider, String url, Optional<SecretRef> webhookSecret, List<DeployTarget> deploy) {

    public RepositoryConfig {
        deploy = List.copyOf(deploy);
    }

    /** The organisation part of {@code org/name} (for GitLab subgroups, everything before the last slash). */
    public String owner() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }
}
