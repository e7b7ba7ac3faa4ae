package dev.floe.gitops.webhook.status;

import java.util.Optional;

/**
 * One commit status as floe-gitops means it, before a provider's spelling: {@code context} is {@code floe/<env>},
 * {@code floe/deploy-<env>} or {@code floe/platform-<env>}. The description is cut to the provider's limit when posted.
 */
public record CommitStatus(String sha, String context, StatusState state, String description, Optional<String> targetUrl) {

  public CommitStatus {
    targetUrl = targetUrl == null ? Optional.empty() : targetUrl;
  }

  /** What one process must not post twice (SPEC §4: status deduplication is per process). */
  String dedupeKey(String repository) {
    return repository + '\u0000' + sha + '\u0000' + context + '\u0000' + state + '\u0000' + description;
  }
}
