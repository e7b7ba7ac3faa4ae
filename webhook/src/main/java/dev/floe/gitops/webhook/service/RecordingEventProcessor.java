package dev.floe.gitops.webhook.service;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.queue.Delivery;
import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default processor of {@code serve} until the deploy worker is plugged in: logs which event
 * arrived (ids and refs only; records carry no secrets, and no payload) and remembers the most
 * recent ones, so a person or a test can see events reach the worker side.
 */
public final class RecordingEventProcessor implements EventProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingEventProcessor.class);

  private final int capacity;
  private final Deque<EventRecord> recent = new ArrayDeque<>();

  public RecordingEventProcessor(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1");
    }
    this.capacity = capacity;
  }

  /** A factory handing out this one instance (so its recent events can be read back). */
  public EventProcessorFactory asFactory() {
    return context -> this;
  }

  @Override
  public Future<ProcessingOutcome> process(EventRecord event, Delivery delivery) {
    LOG.info("event {} {} {} {} {} (partition {}, offset {}{})", event.provider().wireName(),
        event.deliveryId(), event.repository(), event.kind().wireName(), event.ref(),
        delivery.partition(), delivery.offset(), delivery.duplicate() ? ", duplicate" : "");
    synchronized (recent) {
      recent.addLast(event);
      if (recent.size() > capacity) {
        recent.removeFirst();
      }
    }
    return Future.succeededFuture(new ProcessingOutcome.Done("recorded"));
  }

  public List<EventRecord> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
