package dev.floe.gitops.webhook.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * When to try a provider call again. Only 429 and 5xx are retried (a 4xx other than 429 will not change by waiting).
 * The host's own word wins: {@code Retry-After} (seconds or an HTTP date), else GitHub's {@code x-ratelimit-reset}
 * (epoch seconds) when {@code x-ratelimit-remaining} is 0; otherwise exponential from {@code base}. No wait exceeds
 * {@code maxWait}: a status that would need longer is given up rather than holding a thread for an hour.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration maxWait, Clock clock) {

  public static RetryPolicy defaults(Clock clock) {
    return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60), clock);
  }

  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  /**
   * The wait before attempt {@code attempt + 1}, or empty when the call should be given up.
   *
   * @param header the response's headers by lower-case name
   */
  public Optional<Duration> nextDelay(int attempt, int status, Function<String, Optional<String>> header) {
    if (!retryable(status) || attempt >= maxAttempts) {
      return Optional.empty();
    }
    Duration wait = hostWait(header).orElseGet(() -> base.multipliedBy(1L << Math.min(attempt - 1, 20)));
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return wait.compareTo(maxWait) > 0 ? Optional.empty() : Optional.of(wait);
  }

  private Optional<Duration> hostWait(Function<String, Optional<String>> header) {
    Optional<String> retryAfter = header.apply("retry-after");
    if (retryAfter.isPresent()) {
      String v = retryAfter.get().strip();
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return Optional.of(Duration.between(clock.instant(), at));
        } catch (DateTimeParseException ignored) {
          return Optional.empty();
        }
      }
    }
    if (header.apply("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
      return header.apply("x-ratelimit-reset").flatMap(RetryPolicy::epochSeconds)
          .map(reset -> Duration.between(clock.instant(), reset));
    }
    return Optional.empty();
  }

  private static Optional<Instant> epochSeconds(String v) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.strip())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
