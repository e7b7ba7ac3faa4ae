package dev.floe.gitops.runtime.config;

import dev.floe.gitops.runtime.secrets.SecretRef;
import java.time.Duration;
import java.util.Optional;

/** Report pages: the reference of the key that signs their links, how long a link lives. */
public record ReportsConfig(Optional<SecretRef> signingKey, Duration linkTtl) {

    public static final Duration DEFAULT_LINK_TTL = Duration.ofDays(7);

    public static ReportsConfig defaults() {
        return new ReportsConfig(Optional.empty(), DEFAULT_LINK_TTL);
    }
}
