package dev.floe.gitops.webhook.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deploy gates ({@code environments.<name>.gates}): the commit statuses that must be {@code success} on the pushed head
 * before an environment deploys. Pure: the host's current statuses come in as a map (context → provider state), the
 * verdict goes out; the worker turns {@link Verdict.Waiting} into {@code Gated}, and {@link GateRechecks} looks again
 * after {@link #recheckAfter}.
 */
public final class GateChecker {

  /** The gate settings of one environment. */
  public record Gates(List<String> requiredStatuses, Duration maxWait) {
    public Gates {
      requiredStatuses = List.copyOf(requiredStatuses);
    }
  }

  /** What the gates say now. */
  public sealed interface Verdict {
    record Open() implements Verdict {}

    record Waiting(List<String> pending) implements Verdict {}

    record Blocked(String gate, String reason) implements Verdict {}
  }

  private GateChecker() {}

  /**
   * @param firstSeen when this process first saw the head waiting (maxWait counts from there)
   */
  public static Verdict check(Gates gates, Map<String, String> statuses, Instant firstSeen, Instant now) {
    List<String> pending = new ArrayList<>();
    for (String gate : gates.requiredStatuses()) {
      String state = statuses.getOrDefault(gate, "missing");
      switch (state) {
        case "success" -> { }
        case "failure", "error", "failed", "FAILED", "STOPPED" -> {
          return new Verdict.Blocked(gate, "gate " + gate + " is " + state);
        }
        default -> pending.add(gate);
      }
    }
    if (pending.isEmpty()) {
      return new Verdict.Open();
    }
    // reaching maxWait is enough: the last recheck is scheduled at the deadline itself
    if (Duration.between(firstSeen, now).compareTo(gates.maxWait()) >= 0) {
      return new Verdict.Blocked(pending.get(0), "gate " + pending.get(0) + " not successful after "
          + human(gates.maxWait()));
    }
    return new Verdict.Waiting(pending);
  }

  /** When to look again: doubling from 30 s, never past the deadline. */
  public static Duration recheckAfter(int attempt, Instant firstSeen, Gates gates, Instant now) {
    Duration next = Duration.ofSeconds(30).multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 6));
    Duration left = Duration.between(now, firstSeen.plus(gates.maxWait()));
    return left.isNegative() ? Duration.ZERO : (next.compareTo(left) > 0 ? left : next);
  }

  /** {@code 30m}, {@code 90s} or {@code 500ms}: as the configuration writes durations. */
  static String human(Duration d) {
    if (d.toMillis() % 60_000 == 0) {
      return d.toMinutes() + "m";
    }
    return d.toMillis() % 1_000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
