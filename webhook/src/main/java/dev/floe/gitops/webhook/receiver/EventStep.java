package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.http.HttpProblem;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.InvalidFieldException;
import dev.floe.gitops.webhook.queue.Published;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step, for a verified delivery: parse the event → answer ping / ignored / malformed at
 * once, or build the records → recognise a redelivery → publish → {@code 202 queued} only once
 * Kafka acknowledged every record, else {@code 503}.
 */
final class EventStep implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(EventStep.class);
  /**
   * Bodies up to this size are parsed on the event loop: tens of microseconds, cheaper than the
   * hand-over to a worker thread and back. Larger ones (up to the body cap) go to a worker.
   */
  static final int INLINE_PARSE_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final ProviderAdapter adapter;
  private final RecordFactory records;
  private final EventSink sink;
  private final RecentDeliveries recent;
  private final ReceiverMetrics metrics;
  private final Clock clock;
  private final Tracing tracing;

  EventStep(Vertx vertx, ProviderAdapter adapter, RecordFactory records, EventSink sink,
      RecentDeliveries recent, ReceiverMetrics metrics, Clock clock, Tracing tracing) {
    this.tracing = tracing;
    this.vertx = vertx;
    this.adapter = adapter;
    this.records = records;
    this.sink = sink;
    this.recent = recent;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    WebhookRequest request = ctx.get(SignatureStep.REQUEST);
    Verification.Verified verified = ctx.get(SignatureStep.VERIFIED);
    if (request.body().length <= INLINE_PARSE_BYTES) {
      answer(ctx, request, verified.repository(), adapter.parse(request));
      return;
    }
    vertx.executeBlocking(() -> adapter.parse(request), false)
        .onSuccess(event -> answer(ctx, request, verified.repository(), event))
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx, WebhookRequest request,
      Optional<RepositoryConfig> repository, ParsedEvent event) {
    if (event instanceof ParsedEvent.Malformed malformed) {
      ctx.fail(HttpProblem.badRequest(malformed.message()));
    } else if (event instanceof ParsedEvent.Ping) {
      Answers.pong(ctx);
    } else if (event instanceof ParsedEvent.Ignored ignored) {
      Answers.ignored(ctx, ignored.reason());
    } else if (repository.isEmpty()) {
      Answers.ignored(ctx, "event names no repository");
    } else {
      queue(ctx, request, repository.get(), event);
    }
  }

  private void queue(RoutingContext ctx, WebhookRequest request, RepositoryConfig repository,
      ParsedEvent event) {
    Optional<String> delivery = adapter.deliveryId(request);
    if (delivery.isEmpty()) {
      ctx.fail(HttpProblem.badRequest("missing or invalid " + adapter.deliveryHeader() + " header"));
      return;
    }
    String id = delivery.get();
    if (recent.contains(adapter.provider(), id)) {
      metrics.duplicate(adapter.provider());
      Answers.duplicate(ctx, id);
      return;
    }
    // With tracing on, the receipt is a real span and the records carry its traceparent; off, the
    // records still carry a continued trace context for the logs, at the cost of two random longs.
    Span span = Span.getInvalid();
    String traceparent;
    if (tracing.enabled()) {
      span = tracing.startFrom("webhook receive", SpanKind.SERVER, request.header("traceparent"));
      Tracing.set(span, Tracing.Attr.PROVIDER, adapter.provider().wireName());
      Tracing.set(span, Tracing.Attr.DELIVERY, id);
      Tracing.set(span, Tracing.Attr.REPOSITORY, repository.name());
      traceparent = tracing.traceparent(span);
    } else {
      traceparent = Traceparent.continueOrStart(request.header("traceparent"));
    }
    Span receive = span;
    RecordFactory.Result result;
    try {
      result = records.records(adapter.provider(), id, repository, event, clock.instant(),
          traceparent);
    } catch (InvalidFieldException e) {
      Tracing.set(receive, Tracing.Attr.OUTCOME, "malformed");
      receive.end();
      ctx.fail(HttpProblem.badRequest("field '" + e.field() + "': " + e.problem()));
      return;
    }
    if (result instanceof RecordFactory.Skip skip) {
      Tracing.set(receive, Tracing.Attr.OUTCOME, "ignored");
      receive.end();
      Answers.ignored(ctx, skip.reason());
      return;
    }
    Span produce = tracing.enabled()
        ? tracing.startFrom("kafka produce", SpanKind.PRODUCER, traceparent) : Span.getInvalid();
    publishAll(((RecordFactory.Records) result).records()).onComplete(done -> {
      Tracing.set(receive, Tracing.Attr.OUTCOME, done.succeeded() ? "queued" : "unavailable");
      if (done.failed()) {
        Tracing.failed(produce, done.cause());
      }
      produce.end();
      receive.end();
      if (done.succeeded()) {
        recent.remember(adapter.provider(), id);
        Answers.queued(ctx, id);
      } else {
        // The cause (Kafka's) goes to the log; the host gets 503 and delivers again.
        LOG.warn("delivery {} from {} not queued: {}", id, adapter.provider().wireName(),
            done.cause().getMessage());
        ctx.fail(HttpProblem.unavailable("the event queue did not acknowledge in time; deliver again later"));
      }
    });
  }

  private Future<Void> publishAll(List<EventRecord> batch) {
    long start = System.nanoTime();
    List<Future<Published>> sends = batch.stream().map(sink::publish).toList();
    return Future.all(sends).<Void>mapEmpty().onComplete(done -> metrics.published(
        adapter.provider(), Duration.ofNanos(System.nanoTime() - start), done.succeeded()));
  }
}
