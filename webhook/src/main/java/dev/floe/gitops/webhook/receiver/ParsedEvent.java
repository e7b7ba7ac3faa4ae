package dev.floe.gitops.webhook.receiver;

import java.util.List;
import java.util.Objects;

/**
 * What a verified delivery says, in provider-neutral terms: the adapter's whole answer. Only
 * {@link Push}, {@link Pushes} and {@link PullRequest} become event records; the others are
 * answered at once. An outcome, not an exception: a malformed payload is a value too.
 */
public sealed interface ParsedEvent {

  /** A push of {@code ref} (a full ref name) from {@code before} to {@code after}. */
  record Push(String ref, String before, String after) implements ParsedEvent {
    public Push {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  /**
   * Several ref updates in one delivery (Bitbucket Cloud batches them): one record each, all
   * acknowledged before the delivery is.
   */
  record Pushes(List<Push> pushes) implements ParsedEvent {
    public Pushes {
      pushes = List.copyOf(pushes);
      if (pushes.size() < 2) {
        throw new IllegalArgumentException("Pushes holds two or more pushes; use Push for one");
      }
    }
  }

  /**
   * A pull/merge request opened, updated or reopened.
   *
   * @param headRef the head branch (short name, as the host gives it)
   * @param headRepository the fork's full name when the head lives in another repository, or null
   */
  record PullRequest(int number, String headRef, String headSha, String baseRef,
      String headRepository) implements ParsedEvent {
    public PullRequest {
      Objects.requireNonNull(headRef, "headRef");
      Objects.requireNonNull(headSha, "headSha");
      Objects.requireNonNull(baseRef, "baseRef");
    }
  }

  /** The host checks the hook is reachable: answered {@code 200 pong}. */
  record Ping() implements ParsedEvent {}

  /** Verified, understood, and deliberately not acted on: {@code 202 ignored} with the reason. */
  record Ignored(String reason) implements ParsedEvent {
    public Ignored {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A payload the record cannot be built from: {@code 400} naming the field. The message names
   * fields and expectations only, never a value from the payload.
   */
  record Malformed(String field, String problem) implements ParsedEvent {
    public Malformed {
      Objects.requireNonNull(problem, "problem");
    }

    public String message() {
      return field == null ? problem : "field '" + field + "': " + problem;
    }
  }
}
