package dev.floe.gitops.webhook.queue;

/**
 * Kafka did not acknowledge an event in time, so it may not be durable: the receiver answers 503
 * and the git host delivers again. Distinct from other failures so the receiver can map it
 * without inspecting Kafka's exception types.
 */
public final class QueueUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public QueueUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
