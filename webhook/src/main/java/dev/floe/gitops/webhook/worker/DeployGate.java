package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Deploy gates (docs/status.md): asked after the decide step, before compiling, whether the source head may deploy.
 * An answer holds the environment: {@code Gated} (the partition moves on; the gate may look again on its own schedule
 * through {@link #recheckThrough}, and the reconciler asks again on its next tick) or a final outcome that blocks it. Rollbacks are deliberate and never gated.
 */
public interface DeployGate {

  /** No gates: every head deploys. */
  DeployGate OPEN = (repository, target, sourceHead) -> Optional.empty();

  Optional<DeployOutcome> hold(RepositoryConfig repository, DeployTarget target, ObjectId sourceHead);

  /** Told every outcome of a gated environment's later deploy, so whoever reported "waiting" can finish the status. */
  default void settled(RepositoryConfig repository, DeployTarget target, DeployOutcome outcome) {}

  /**
   * The worker hands over its pipeline once built: {@code deploy} renders an environment's current head (asking this
   * gate again), for a gate that re-checks a held environment sooner than the reconciler's tick. Blocking: call it off
   * any event loop.
   */
  default void recheckThrough(BiConsumer<RepositoryConfig, DeployTarget> deploy) {}
}
