package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueTestSupport;
import dev.floe.gitops.webhook.queue.TopicsInitializer;

/** A receiver harness whose sink is a real publisher on topics of its own on the shared broker. */
final class BrokerBackedHarness implements AutoCloseable {

  final QueueSettings settings;
  final ReceiverHarness harness;
  final EventPublisher publisher;
  final RecordingSink sink;

  BrokerBackedHarness(EmbeddedKafkaBroker broker, String name) {
    settings = QueueTestSupport.settings(broker, name);
    RecordingSink[] holder = new RecordingSink[1];
    harness = new ReceiverHarness(r -> holder[0].publish(r));
    ReceiverHarness.await(TopicsInitializer.ensureTopics(harness.vertx, settings));
    publisher = EventPublisher.create(harness.vertx, settings, new EventRecordCodec());
    sink = new RecordingSink(publisher::publish);
    holder[0] = sink;
  }

  @Override
  public void close() {
    ReceiverHarness.await(publisher.close());
    harness.close();
  }
}
