package dev.floe.gitops.cli.demo;

import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import dev.floe.gitops.webhook.service.EventProcessorFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps the worker {@code serve} runs and remembers each event's outcome by delivery id, so the demo can show what the
 * worker decided (the same text the logs and DLQ headers carry: never a secret).
 */
final class OutcomeLog {

  private final Map<String, ProcessingOutcome> byDelivery = new ConcurrentHashMap<>();

  EventProcessorFactory around(EventProcessorFactory worker) {
    return context -> {
      var processor = worker.create(context);
      return (event, delivery) -> processor.process(event, delivery)
          .onSuccess(outcome -> byDelivery.put(event.deliveryId(), outcome));
    };
  }

  /** Every outcome so far, for a step that timed out. */
  String describe() {
    return byDelivery.isEmpty() ? "none" : byDelivery.toString();
  }

  Optional<ProcessingOutcome> outcome(String deliveryId) {
    return Optional.ofNullable(byDelivery.get(deliveryId));
  }
}
