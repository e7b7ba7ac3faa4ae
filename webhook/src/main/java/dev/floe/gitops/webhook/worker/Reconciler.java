package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.webhook.service.EventMetrics;
import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.git.Mirror;
import dev.floe.gitops.webhook.git.MirrorStore;
import dev.floe.gitops.webhook.git.Redaction;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The truth test on a timer (SPEC §4): list the served heads ({@code ls-remote}), render each environment whose
 * source head moved since the last successful look, and commit only if the tree differs; missed webhooks are caught
 * this way and unrelated pushes still make no commit. A changed platform.yaml (its digest, read each tick) re-renders
 * every served repository for that environment with {@code Floe-Delivery: platform-change}.
 *
 * <p>It remembers heads and digests only in memory: after a restart the first tick renders everything once, which
 * is redundant work, never a second commit (the trees are unchanged).
 */
public final class Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private volatile List<RepositoryConfig> repositories;
  private final MirrorStore mirrors;
  private final GitCredentials credentials;
  private final PlatformFiles platforms;
  private final EnvironmentDeployer deployer;
  private final EventMetrics metrics;
  private final Map<String, ObjectId> lastHeads = new HashMap<>();
  private final Map<String, String> lastDigests = new HashMap<>();
  private volatile java.util.function.Predicate<RepositoryConfig> owned = PartitionOwnership.all();
  /** Repositories owned at the last tick: one owned again after a gap has its remembered heads forgotten. */
  private final java.util.Set<String> ownedLastTick = new java.util.HashSet<>();

  public Reconciler(List<RepositoryConfig> repositories, MirrorStore mirrors, GitCredentials credentials,
      PlatformFiles platforms, EnvironmentDeployer deployer) {
    this(repositories, mirrors, credentials, platforms, deployer, EventMetrics.unregistered());
  }

  /** {@code metrics} counts the runs and the catches: renders that no webhook had announced. */
  public Reconciler(List<RepositoryConfig> repositories, MirrorStore mirrors, GitCredentials credentials,
      PlatformFiles platforms, EnvironmentDeployer deployer, EventMetrics metrics) {
    this.metrics = metrics;
    this.repositories = List.copyOf(repositories);
    this.mirrors = mirrors;
    this.credentials = credentials;
    this.platforms = platforms;
    this.deployer = deployer;
  }

  public void replaceRepositories(List<RepositoryConfig> repositories) {
    this.repositories = List.copyOf(repositories);
  }

  /**
   * Restricts the reconciler to the repositories this replica owns, e.g. {@link PartitionOwnership#owning} with the
   * consumer's current assignment; call again after every rebalance. A repository this replica gains is checked again
   * on the next tick, whatever head it last saw there: while another replica owned it, that one decided.
   */
  public void reconcileOnly(java.util.function.Predicate<RepositoryConfig> owned) {
    this.owned = owned;
  }

  /** Runs {@link #tick()} every {@code interval} on the given scheduler (tests inject theirs or call tick directly). */
  public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration interval) {
    return scheduler.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        LOG.warn("reconcile tick failed: {}", Redaction.message(e));
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass over every served repository and environment; returns what each did ("repo env" → outcome). */
  public synchronized Map<String, DeployOutcome> tick() {
    metrics.reconcilerRan();
    Map<String, String> changedPlatforms = new HashMap<>();
    Map<String, String> digests = new HashMap<>();
    Map<String, DeployOutcome> out = new LinkedHashMap<>();
    java.util.function.Predicate<RepositoryConfig> mine = owned;
    java.util.Set<String> ownedNow = new java.util.HashSet<>();
    for (RepositoryConfig repository : repositories) {
      if (!mine.test(repository)) {
        continue;
      }
      ownedNow.add(repository.name());
      if (!ownedLastTick.contains(repository.name())) {
        repository.deploy().forEach(d -> lastHeads.remove(repository.name() + " " + d.environment()));
      }
      Map<String, ObjectId> advertised;
      try {
        Mirror mirror = mirrors.mirror(repository.name(), repository.url());
        advertised = mirror.listRemote(repository.url(), credentials.forFetch(repository));
      } catch (IOException | RuntimeException e) {
        DeployOutcome t = new DeployOutcome.Transient("failed to list heads of " + repository.name() + ": " + Redaction.message(e));
        repository.deploy().forEach(d -> out.put(repository.name() + " " + d.environment(), t));
        continue;
      }
      for (DeployTarget target : repository.deploy()) {
        String key = repository.name() + " " + target.environment();
        String digest;
        try {
          digest = digests.computeIfAbsent(target.environment(), this::digestOf);
        } catch (RuntimeException e) {
          out.put(key, new DeployOutcome.Transient("failed to read platform.yaml of " + target.environment() + ": " + Redaction.message(e)));
          continue;
        }
        String previousDigest = lastDigests.get(target.environment());
        boolean platformChanged = previousDigest != null && !previousDigest.equals(digest);
        Optional<ObjectId> head = DeployTargets.sourceRef(target, advertised).map(advertised::get);
        boolean moved = head.isPresent() && !head.get().equals(lastHeads.get(key));
        if (!moved && !platformChanged) {
          continue;
        }
        Trigger trigger = platformChanged ? new Trigger.PlatformChange() : new Trigger.Reconcile();
        DeployOutcome outcome = deployer.deploy(repository, target, trigger);
        LOG.info("{} {} ({}): {}", repository.name(), target.environment(), trigger.delivery(), outcome.describe());
        out.put(key, outcome);
        if (outcome instanceof DeployOutcome.Deployed) {
          metrics.reconcilerCaught();
        }
        // a gated head is asked again next tick, as a transient one is: neither is the head's final outcome
        boolean settled = !(outcome instanceof DeployOutcome.Transient) && !(outcome instanceof DeployOutcome.Gated);
        if (settled && head.isPresent()) {
          lastHeads.put(key, head.get());
        }
        if (platformChanged && !(outcome instanceof DeployOutcome.Transient)) {
          changedPlatforms.put(target.environment(), digest);
        } else if (platformChanged) {
          changedPlatforms.putIfAbsent(target.environment(), null); // retry the platform change next tick
        }
      }
    }
    ownedLastTick.clear();
    ownedLastTick.addAll(ownedNow);
    digests.forEach((env, digest) -> {
      if (!changedPlatforms.containsKey(env) || changedPlatforms.get(env) != null) {
        lastDigests.put(env, digest);
      }
    });
    return out;
  }

  private String digestOf(String environment) {
    try {
      return EnvironmentDeployer.digest(platforms.read(environment));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
