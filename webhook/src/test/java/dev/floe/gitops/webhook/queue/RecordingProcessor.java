package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.webhook.event.EventRecord;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** An EventProcessor that records every call and answers with a given function. */
final class RecordingProcessor implements EventProcessor {

  record Call(EventRecord event, Delivery delivery) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final BiFunction<EventRecord, Delivery, Future<ProcessingOutcome>> answer;

  RecordingProcessor(BiFunction<EventRecord, Delivery, Future<ProcessingOutcome>> answer) {
    this.answer = answer;
  }

  static RecordingProcessor allDone() {
    return new RecordingProcessor((e, d) -> Future.succeededFuture(new ProcessingOutcome.Done("deployed")));
  }

  @Override
  public Future<ProcessingOutcome> process(EventRecord event, Delivery delivery) {
    calls.add(new Call(event, delivery));
    return answer.apply(event, delivery);
  }

  List<String> deliveryIds() {
    return calls.stream().map(c -> c.event().deliveryId()).toList();
  }
}
