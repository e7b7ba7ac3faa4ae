package dev.floe.gitops.runtime.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The worker's settings: the identities of deploy commits, the reconciler's interval, the push retry bound and, when
 * set, how deploy commits are signed.
 */
public record WorkerConfig(GitIdentity author, GitIdentity committer, Duration reconcileInterval, int pushAttempts,
    Optional<SigningConfig> signing) {

    public WorkerConfig {
        signing = signing == null ? Optional.empty() : signing;
    }

    public WorkerConfig(GitIdentity author, GitIdentity committer, Duration reconcileInterval, int pushAttempts) {
        this(author, committer, reconcileInterval, pushAttempts, Optional.empty());
    }

    public static WorkerConfig defaults() {
        GitIdentity id = new GitIdentity("floe-gitops", "floe-gitops@localhost");
        return new WorkerConfig(id, id, Duration.ofMinutes(3), 5);
    }

    public WorkerConfig withSigning(SigningConfig signing) {
        return new WorkerConfig(author, committer, reconcileInterval, pushAttempts, Optional.of(signing));
    }
}
