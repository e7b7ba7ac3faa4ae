package dev.floe.gitops.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Limits of one scan. The clock is injected so tests can move time without sleeping.
 *
 * @param maxBytes characters inspected in total, embedded and decoded documents included
 * @param maxNanos wall time of the scan, measured with {@code nanoTime}
 */
public record Budget(long maxBytes, long maxNanos, LongSupplier nanoTime) {

  public Budget {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    if (maxNanos <= 0) {
      throw new IllegalArgumentException("maxNanos must be positive");
    }
    Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** 64 MiB and 5 s: room for a large rendered tree, small enough that a hostile input stops quickly. */
  public static Budget defaults() {
    return new Budget(64L << 20, Duration.ofSeconds(5).toNanos(), System::nanoTime);
  }

  /** 32 MiB and 1 s: an admission request is at most 8 MiB and the API server times out after 10 s. */
  public static Budget admissionDefaults() {
    return new Budget(32L << 20, Duration.ofSeconds(1).toNanos(), System::nanoTime);
  }

  public static Budget of(long maxBytes, Duration maxTime, LongSupplier nanoTime) {
    return new Budget(maxBytes, maxTime.toNanos(), nanoTime);
  }
}
