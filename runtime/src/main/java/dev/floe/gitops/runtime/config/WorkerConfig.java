package dev.floe.gitops.runtime.config;

import java.time.Duration;

/** The worker's settings: the identities of deploy commits, the reconciler's interval and the push retry bound. */
public record WorkerConfig(GitIdentity author, GitIdentity committer, Duration reconcileInterval, int pushAttempts) {

    public static WorkerConfig defaults() {
        GitIdentity id = new GitIdentity("floe-gitops", "floe-gitops@localhost");
        return new WorkerConfig(id, id, Duration.ofMinutes(3), 5);
    }
}
