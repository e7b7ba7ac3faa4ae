package dev.floe.gitops.webhook.status;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.GatesConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.worker.DeployGate;
import dev.floe.gitops.webhook.worker.DeployOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code environments.<name>.gates} for the worker: reads the host's statuses on the source head, asks
 * {@link GateChecker}, and answers {@code Gated} (waiting) or a final {@code Invalid} naming the gate (blocked). It
 * remembers which head of an environment it held, so when a later deploy of that environment settles (the reconciler
 * let it through, or a newer push superseded it) it finishes that head's {@code floe/deploy-<env>} status. While a
 * head waits, {@link GateRechecks} looks again with backoff up to {@code maxWait}.
 */
public final class StatusGate implements DeployGate {

  private final Map<String, EnvironmentConfig> environments;
  private final BiFunction<RepositoryConfig, String, Optional<Map<String, String>>> statuses;
  private final Function<RepositoryConfig, StatusClient> reporter;
  private final Clock clock;
  private final GateRechecks rechecks;
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
  private final Map<String, String> heldHead = new ConcurrentHashMap<>();

  /**
   * @param statuses the host's statuses on a commit (empty when it cannot be asked: the gate keeps waiting)
   * @param reporter where a held head's final status goes
   */
  public StatusGate(Map<String, EnvironmentConfig> environments,
      BiFunction<RepositoryConfig, String, Optional<Map<String, String>>> statuses,
      Function<RepositoryConfig, StatusClient> reporter, Clock clock) {
    this(environments, statuses, reporter, clock, new GateRechecks((delay, task) -> { }, GateRechecks.Backoff.STANDARD));
  }

  /** With re-checks on their own schedule (without, only the reconciler's tick looks again). */
  public StatusGate(Map<String, EnvironmentConfig> environments,
      BiFunction<RepositoryConfig, String, Optional<Map<String, String>>> statuses,
      Function<RepositoryConfig, StatusClient> reporter, Clock clock, GateRechecks rechecks) {
    this.environments = Map.copyOf(environments);
    this.statuses = statuses;
    this.reporter = reporter;
    this.clock = clock;
    this.rechecks = rechecks;
  }

  @Override
  public void recheckThrough(java.util.function.BiConsumer<RepositoryConfig, DeployTarget> deploy) {
    rechecks.bind(deploy);
  }

  @Override
  public Optional<DeployOutcome> hold(RepositoryConfig repository, DeployTarget target,
      org.eclipse.jgit.lib.ObjectId sourceHead) {
    EnvironmentConfig env = environments.get(target.environment());
    if (env == null || env.gates().isEmpty() || env.gates().get().requiredStatuses().isEmpty()) {
      return Optional.empty();
    }
    GatesConfig gates = env.gates().get();
    String sha = sourceHead.name();
    String key = repository.name() + '\u0000' + target.environment() + '\u0000' + sha;
    Instant now = clock.instant();
    Instant since = firstSeen.computeIfAbsent(key, k -> now);
    GateChecker.Gates settings = new GateChecker.Gates(gates.requiredStatuses(), gates.maxWait());
    GateChecker.Verdict verdict = GateChecker.check(settings, statuses.apply(repository, sha).orElse(Map.of()), since,
        now);
    if (verdict instanceof GateChecker.Verdict.Open) {
      firstSeen.remove(key);
      return Optional.empty();
    }
    heldHead.put(repository.name() + '\u0000' + target.environment(), sha);
    if (verdict instanceof GateChecker.Verdict.Waiting waiting) {
      rechecks.waiting(repository, target, sha, since, settings, now);
      return Optional.of(new DeployOutcome.Gated(waiting.pending()));
    }
    firstSeen.remove(key);
    GateChecker.Verdict.Blocked blocked = (GateChecker.Verdict.Blocked) verdict;
    return Optional.of(new DeployOutcome.Invalid(List.of("blocked by deploy gate: " + blocked.reason())));
  }

  @Override
  public void settled(RepositoryConfig repository, DeployTarget target, DeployOutcome outcome) {
    rechecks.settled(repository, target);
    String held = heldHead.remove(repository.name() + '\u0000' + target.environment());
    if (held != null) {
      reporter.apply(repository).post(StatusReporter.forDeploy(target.environment(), target.deployBranch(), held,
          outcome, Optional.empty()));
    }
  }
}
