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
}
