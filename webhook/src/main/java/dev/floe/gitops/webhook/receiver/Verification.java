package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.http.HttpProblem;
import java.util.Optional;

/** The result of the signature step: who the delivery is for, or the answer that refuses it. */
public sealed interface Verification {

  /**
   * The delivery is authentic. {@code repository} is the served repository it names; empty only
   * for an event naming no repository that an organisation secret verified.
   */
  record Verified(Optional<RepositoryConfig> repository) implements Verification {}

  /** 401 or 403, with a message that names no secret and does not reveal what is served. */
  record Refused(HttpProblem problem) implements Verification {}
}
