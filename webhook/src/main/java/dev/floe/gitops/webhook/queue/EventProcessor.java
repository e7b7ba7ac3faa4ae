package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.webhook.event.EventRecord;
import io.vertx.core.Future;

/**
 * The worker's side of the queue: handles one event and says what became of it. Records of one
 * partition are handed over one at a time, in order; records of different partitions may be in
 * flight at once. A failed future or a thrown exception counts as a {@link
 * ProcessingOutcome.Retry}.
 */
@FunctionalInterface
public interface EventProcessor {

  Future<ProcessingOutcome> process(EventRecord event, Delivery delivery);

  /**
   * The event's record went to the dead-letter topic: no attempt follows until an operator replays it ({@code reason}
   * is the DLQ's {@code floe.error} text). A processor that shows progress outside the queue (commit statuses) finishes
   * it here, so nothing is left looking in progress. Called on the consumer loop's context after the DLQ write and
   * before the offset commit; the loop waits for the future at most a bound, so it must not block.
   */
  default Future<Void> deadLettered(EventRecord event, String reason) {
    return Future.succeededFuture();
  }
}
