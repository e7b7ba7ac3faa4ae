package dev.floe.gitops.runtime.config;

import java.time.Duration;
import java.util.List;

/** Statuses that must be {@code success} on the pushed head before an environment deploys, and how long to wait. */
public record GatesConfig(List<String> requiredStatuses, Duration maxWait) {

    public GatesConfig {
        requiredStatuses = List.copyOf(requiredStatuses);
    }
}
