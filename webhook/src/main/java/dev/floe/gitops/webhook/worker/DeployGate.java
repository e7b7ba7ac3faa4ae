package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Deploy gates (docs/status.md): asked after the decide step, before compiling, whether the source head may deploy.
 * An answer holds the environment: {@code Gated} (the reconciler asks again on its next tick, the partition moves on)
 * or a final outcome that blocks it. Rollbacks are deliberate and never gated.
 */
public interface DeployGate {

  /** No gates: every head deploys. */
  DeployGate OPEN = (repository, target, sourceHead) -> Optional.empty();

  Optional<DeployOutcome> hold(RepositoryConfig repository, DeployTarget target, ObjectId sourceHead);

  /** Told every outcome of a gated environment's later deploy, so whoever reported "waiting" can finish the status. */
  default void settled(RepositoryConfig repository, DeployTarget target, DeployOutcome outcome) {}
}
