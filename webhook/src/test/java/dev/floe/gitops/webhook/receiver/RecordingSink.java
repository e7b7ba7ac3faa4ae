package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.queue.Published;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes records to a real sink and keeps those Kafka acknowledged, in publish-call order. */
final class RecordingSink implements EventSink {

  final List<EventRecord> published = new CopyOnWriteArrayList<>();
  final List<EventRecord> calls = new CopyOnWriteArrayList<>();
  private final EventSink delegate;

  RecordingSink(EventSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public Future<Published> publish(EventRecord record) {
    calls.add(record);
    return delegate.publish(record).onSuccess(p -> published.add(record));
  }

  List<EventRecord> forDelivery(String id) {
    return published.stream().filter(r -> r.deliveryId().startsWith(id)).toList();
  }
}
