package dev.floe.gitops.webhook.queue;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: a uniformly random delay in {@code [0, min(max, base *
 * 2^(attempt-1))]}. Full jitter spreads the retries of many records that failed together (a git
 * host outage) instead of sending them back in waves.
 *
 * @param random a source of doubles in [0, 1); injectable for deterministic tests
 */
public record ExponentialBackoff(Duration base, Duration max, DoubleSupplier random)
    implements Backoff {

  public ExponentialBackoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(random, "random");
  }

  public static ExponentialBackoff of(QueueSettings settings, DoubleSupplier random) {
    return new ExponentialBackoff(settings.backoffBase(), settings.backoffMax(), random);
  }

  /** The production choice: the queue's settings and a thread-local random source. */
  public static ExponentialBackoff of(QueueSettings settings) {
    return of(settings, () -> ThreadLocalRandom.current().nextDouble());
  }

  @Override
  public Duration delay(int attempt) {
    long baseMs = base.toMillis();
    long maxMs = max.toMillis();
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long ceiling = baseMs > (maxMs >> shift) ? maxMs : Math.min(maxMs, baseMs << shift);
    return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
  }
}
