package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.queue.Published;
import io.vertx.core.Future;

/**
 * Where accepted events go: {@code EventPublisher::publish} in the service. Completes only when
 * the record is durable; fails (with {@code QueueUnavailable}) otherwise.
 */
@FunctionalInterface
public interface EventSink {
  Future<Published> publish(EventRecord record);
}
