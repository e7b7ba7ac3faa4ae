package dev.floe.gitops.webhook.queue;

import java.util.Objects;

/**
 * What became of one event, as the worker reports it to the consumer loop. The loop commits the
 * record's offset only once the outcome is final: after {@link Done}, or after the record went to
 * the dead-letter topic ({@link Fail}, or {@link Retry} past the maximum attempts).
 *
 * <p>The texts end up in logs and DLQ headers: they must never contain a secret (no tokens, no
 * URLs with credentials, no payload values).
 */
public sealed interface ProcessingOutcome {

  /** Final: the event is handled (deployed, unchanged, stale, gated, ...). */
  record Done(String outcome) implements ProcessingOutcome {
    public Done {
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** Transient: try again after a backoff, up to the maximum attempts, then dead-letter. */
  record Retry(String cause) implements ProcessingOutcome {
    public Retry {
      Objects.requireNonNull(cause, "cause");
    }
  }

  /** Final failure (invalid input, policy violation): dead-letter at once, no retry. */
  record Fail(String reason) implements ProcessingOutcome {
    public Fail {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
