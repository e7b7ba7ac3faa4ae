package dev.floe.gitops.webhook.status;

/** What became of one status or comment call: a value, so a failed call is logged and never thrown at a deploy. */
public sealed interface PostResult {

  /** The host accepted it ({@code id}: the comment's id, empty for statuses). */
  record Posted(String id) implements PostResult {}

  /** The same state was posted before by this process: nothing sent. */
  record Duplicate() implements PostResult {}

  /** No token for this repository: recorded locally (log line, report page) instead of posted. */
  record Recorded() implements PostResult {}

  /** The host refused, or kept failing until the retries ran out; {@code reason} never holds a token. */
  record Failed(int httpStatus, String reason) implements PostResult {}
}
