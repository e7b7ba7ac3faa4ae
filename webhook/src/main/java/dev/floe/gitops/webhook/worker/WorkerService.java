package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.service.EventMetrics;
import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.FloeCompiler;
import dev.floe.gitops.policy.PolicyConfig;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.webhook.queue.ExponentialBackoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.config.WorkerConfig;
import dev.floe.gitops.webhook.git.GitSourceTree;
import dev.floe.gitops.webhook.git.MirrorStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The worker's parts wired together from typed configuration: the queue's {@link DeployWorker}, the {@link Reconciler}
 * and the deliberate {@link #rollback}. Every seam (clock, backoff, sleeper, executor, platform files, policy engine)
 * is handed in, so tests drive it without waiting or global state.
 */
public final class WorkerService implements AutoCloseable {

  /** The wiring's inputs. */
  public record Wiring(Path dataDir, List<RepositoryConfig> repositories, WorkerConfig worker, PlatformFiles platforms,
      GitCredentials credentials, PolicyEngine policy, Clock clock, EnvironmentDeployer.Settings push, Executor executor,
      CommitSigner signer) {

    /** Deploy commits unsigned. */
    public Wiring(Path dataDir, List<RepositoryConfig> repositories, WorkerConfig worker, PlatformFiles platforms,
        GitCredentials credentials, PolicyEngine policy, Clock clock, EnvironmentDeployer.Settings push,
        Executor executor) {
      this(dataDir, repositories, worker, platforms, credentials, policy, clock, push, executor, CommitSigner.NONE);
    }
  }

  private final MirrorStore mirrors;
  private volatile List<RepositoryConfig> repositories;
  private final EnvironmentDeployer deployer;
  private final DeployWorker worker;
  private final Reconciler reconciler;
  private final WorkerConfig settings;
  private final PlatformFiles platforms;

  public WorkerService(Wiring w) {
    this(w, Tracing.noop(), EventMetrics.unregistered());
  }

  /** With the service's tracing (a span per environment and step) and the worker-side meters. */
  public WorkerService(Wiring w, Tracing tracing, EventMetrics metrics) {
    this.settings = w.worker();
    this.platforms = w.platforms();
    this.mirrors = new MirrorStore(w.dataDir());
    this.repositories = List.copyOf(w.repositories());
    this.deployer = new EnvironmentDeployer(mirrors, w.credentials(), w.platforms(),
        new RenderStep(new FloeCompiler(CompilerLimits.defaults()), GitSourceTree.Limits.defaults()),
        new PolicyScanStep(w.policy()),
        new CommitBuilder(w.worker().author(), w.worker().committer(), w.clock(), w.signer()),
        w.push(), tracing, metrics);
    this.worker = new DeployWorker(repositories, deployer, w.executor(),
        PlatformReview.of(w.platforms(), deployer));
    this.reconciler = new Reconciler(repositories, mirrors, w.credentials(), w.platforms(), deployer, metrics);
    // a gate that looks again on its own schedule does so through this pipeline, as the reconciler would
    w.push().gate().recheckThrough((repository, target) -> deployer.deploy(repository, target, new Trigger.Reconcile()));
  }

  /**
   * The production wiring: platform files from disk, tokens through the resolver, the policy settings of the
   * configuration, full-jitter backoff between compare-and-swap attempts, real sleeping and the system clock.
   */
  public static WorkerService fromConfig(GitopsConfig config, SecretResolver secrets, Executor executor) {
    return fromConfig(config, secrets, executor, DeployGate.OPEN, Tracing.noop(), EventMetrics.unregistered());
  }

  /** As above, tracing the steps and counting outcomes. */
  public static WorkerService fromConfig(GitopsConfig config, SecretResolver secrets, Executor executor,
      Tracing tracing, EventMetrics metrics) {
    return fromConfig(config, secrets, executor, DeployGate.OPEN, tracing, metrics);
  }

  /** As above, with deploy gates. */
  public static WorkerService fromConfig(GitopsConfig config, SecretResolver secrets, Executor executor,
      DeployGate gate, Tracing tracing, EventMetrics metrics) {
    WorkerConfig worker = config.worker();
    ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(50), Duration.ofSeconds(2),
        () -> ThreadLocalRandom.current().nextDouble());
    GitCredentials credentials = new GitCredentials(secrets,
        new GitHubAppTokens(java.net.http.HttpClient.newHttpClient(), Clock.systemUTC()));
    PlatformFiles platforms = PlatformFiles.fromConfig(config.environments(), config.dataDir(), config.repositories(),
        credentials, Clock.systemUTC(), PlatformRepositoryFiles.DEFAULT_REFRESH);
    return new WorkerService(new Wiring(config.dataDir(), config.repositories(), worker, platforms, credentials,
        new PolicyEngine(PolicyConfig.fromMap(config.policy())), Clock.systemUTC(),
        new EnvironmentDeployer.Settings(worker.pushAttempts(), backoff, EnvironmentDeployer.Sleeper.REAL, gate), executor,
        SshCommitSigner.from(worker.signing(), secrets, config.dataDir())),
        tracing, metrics);
  }

  /**
   * Applies a reloaded configuration's repositories: the worker routes by them from the next event,
   * the reconciler from its next pass. Mirrors of removed repositories stay on disk until restart.
   */
  public void replaceRepositories(List<RepositoryConfig> repositories) {
    this.repositories = List.copyOf(repositories);
    worker.replaceRepositories(this.repositories);
    reconciler.replaceRepositories(this.repositories);
  }

  public DeployWorker worker() {
    return worker;
  }

  /** The per-environment pipeline, for wiring a worker on another executor. */
  public EnvironmentDeployer deployer() {
    return deployer;
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  /** Starts the reconciler every {@code worker.reconcileInterval} on the given scheduler. */
  public java.util.concurrent.ScheduledFuture<?> startReconciler(java.util.concurrent.ScheduledExecutorService scheduler) {
    return reconciler.start(scheduler, settings.reconcileInterval());
  }

  /**
   * Renders {@code sha} of the repository's source for {@code environment} (trailers {@code Floe-Rollback: true},
   * {@code Floe-Rolled-Back-From}, {@code Floe-Delivery: rollback}); the environment then stays pinned until a push
   * brings a source commit other than the one rolled back from.
   */
  public DeployOutcome rollback(String repository, String environment, String sha) {
    Optional<RepositoryConfig> repo = repositories.stream().filter(r -> r.name().equals(repository)).findFirst();
    if (repo.isEmpty()) {
      return new DeployOutcome.Invalid(List.of("repository '" + repository + "' is not served"));
    }
    Optional<DeployTarget> target = repo.get().deploy().stream().filter(t -> t.environment().equals(environment)).findFirst();
    if (target.isEmpty()) {
      return new DeployOutcome.Invalid(List.of(repository + " does not deploy to environment '" + environment + "'"));
    }
    return deployer.deploy(repo.get(), target.get(), new Trigger.Rollback(sha));
  }

  @Override
  public void close() {
    mirrors.close();
    if (platforms instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the platform mirrors failed", e);
      }
    }
  }
}
