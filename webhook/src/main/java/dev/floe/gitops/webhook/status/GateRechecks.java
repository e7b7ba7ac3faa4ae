package dev.floe.gitops.webhook.status;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at a gated environment again on its own schedule ({@link GateChecker#recheckAfter}: 30 s doubling, never past
 * {@code maxWait}) instead of waiting for the reconciler's tick. One look is due per (repository, environment) at a
 * time; a newer held head replaces an older one's schedule. The look is the worker's deploy of the environment's
 * current head (which asks the gate again), run off the timer's thread, so waiting never holds a partition or an event
 * loop. The timers live in this process: after a restart the reconciler's tick is the fallback.
 */
public final class GateRechecks {

  private static final Logger LOG = LoggerFactory.getLogger(GateRechecks.class);

  /** Runs a blocking task after a delay, off the caller's thread. */
  @FunctionalInterface
  public interface Timer {
    void after(Duration delay, Runnable task);

    /** A Vert.x timer whose task runs on the worker pool (a deploy is Git and compile work). */
    static Timer vertx(Vertx vertx) {
      return (delay, task) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> vertx.executeBlocking(() -> {
        task.run();
        return null;
      }, false));
    }
  }

  /** The delay before look number {@code attempt} (1 for the first). */
  @FunctionalInterface
  public interface Backoff {
    Duration next(int attempt, Instant firstSeen, GateChecker.Gates gates, Instant now);

    Backoff STANDARD = GateChecker::recheckAfter;
  }

  /** The look due for one environment; {@code armed} until its timer fires. */
  private record Due(String sha, int attempt, long id, boolean armed) {}

  private final Timer timer;
  private final Backoff backoff;
  private final Map<String, Due> due = new HashMap<>();
  private long ids;
  private volatile BiConsumer<RepositoryConfig, DeployTarget> deploy;

  public GateRechecks(Timer timer, Backoff backoff) {
    this.timer = timer;
    this.backoff = backoff;
  }

  /** The worker's pipeline; until it is bound nothing is scheduled (the reconciler's tick still looks). */
  void bind(BiConsumer<RepositoryConfig, DeployTarget> deploy) {
    this.deploy = deploy;
  }

  /** {@code sha} waits for its gates: schedule the next look unless one is already due. */
  void waiting(RepositoryConfig repository, DeployTarget target, String sha, Instant firstSeen,
      GateChecker.Gates gates, Instant now) {
    if (deploy == null) {
      return;
    }
    String key = key(repository, target);
    Duration delay;
    long id;
    synchronized (due) {
      Due previous = due.get(key);
      boolean sameHead = previous != null && previous.sha().equals(sha);
      if (sameHead && previous.armed()) {
        return;
      }
      int attempt = sameHead ? previous.attempt() + 1 : 1;
      id = ++ids;
      due.put(key, new Due(sha, attempt, id, true));
      delay = backoff.next(attempt, firstSeen, gates, now);
    }
    LOG.debug("{} {}: gates looked at again in {}", repository.name(), target.environment(), delay);
    timer.after(delay, () -> look(key, id, repository, target));
  }

  /** The environment settled (deployed, blocked, superseded): no further look. */
  void settled(RepositoryConfig repository, DeployTarget target) {
    synchronized (due) {
      due.remove(key(repository, target));
    }
  }

  private void look(String key, long id, RepositoryConfig repository, DeployTarget target) {
    synchronized (due) {
      Due current = due.get(key);
      if (current == null || current.id() != id) {
        return; // settled or replaced by a newer head meanwhile
      }
      due.put(key, new Due(current.sha(), current.attempt(), id, false));
    }
    try {
      deploy.accept(repository, target);
    } catch (RuntimeException e) {
      // the reconciler's tick still looks; the message may quote a host, so only its kind is logged
      LOG.warn("{} {}: gate re-check failed: {}", repository.name(), target.environment(), e.getClass().getSimpleName());
    }
  }

  private static String key(RepositoryConfig repository, DeployTarget target) {
    return repository.name() + '\u0000' + target.environment();
  }
}
