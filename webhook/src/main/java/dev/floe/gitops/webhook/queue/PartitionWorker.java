package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.webhook.event.DecodeException;
import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.event.EventRecord;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the records of one assigned partition strictly one after another, so one repository's
 * events take effect in the order they were queued. Each record ends in exactly one final step
 * before the next starts: processed ({@code Done}), or copied to the dead-letter topic (undecodable,
 * {@code Fail}, or {@code Retry} past the maximum attempts); only then is its offset committed.
 * One bad record therefore never blocks the records behind it.
 *
 * <p>All methods run on the consumer loop's Vert.x context, so there is no locking. Once revoked,
 * the worker drops whatever is still queued or in flight without committing it: the partition's
 * new owner will receive those records again.
 */
final class PartitionWorker {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionWorker.class);
  /**
   * How long the offset commit waits for the processor's {@link EventProcessor#deadLettered} report. The processor
   * bounds its own report; this only keeps a processor that never answers from holding the partition.
   */
  static final long DEAD_LETTER_REPORT_BOUND_MS = 15_000;

  private final TopicPartition partition;
  private final RecordHandling handling;
  private final DeliveryWindow window;
  private final Queue<KafkaConsumerRecord<String, byte[]>> queue = new ArrayDeque<>();
  private boolean busy;
  private boolean revoked;
  /** Set by {@link #drain}: finish the record in flight, start no other. */
  private io.vertx.core.Promise<Void> drained;

  PartitionWorker(TopicPartition partition, RecordHandling handling, DeliveryWindow window) {
    this.partition = partition;
    this.handling = handling;
    this.window = window;
  }

  void offer(KafkaConsumerRecord<String, byte[]> record) {
    if (revoked) {
      return;
    }
    queue.add(record);
    if (!busy) {
      busy = true;
      handling.control().pause(partition);
      next();
    }
  }

  /**
   * For a graceful stop: lets the record in flight reach its final step (and its offset commit),
   * starts no further record, and completes when nothing is in flight. A record waiting for a
   * retry is not retried here: its offset stays uncommitted and it is delivered again after the
   * restart.
   */
  Future<Void> drain() {
    if (drained == null) {
      drained = io.vertx.core.Promise.promise();
      queue.clear();
      if (!busy) {
        drained.tryComplete();
      }
    }
    return drained.future();
  }

  private boolean drainedNow() {
    if (drained != null) {
      busy = false;
      drained.tryComplete();
      return true;
    }
    return false;
  }

  /** The partition moved to another consumer (or this one stops): forget everything. */
  void revoke() {
    revoked = true;
    queue.clear();
    window.clear();
  }

  private void next() {
    if (revoked || drainedNow()) {
      return;
    }
    KafkaConsumerRecord<String, byte[]> record = queue.poll();
    if (record == null) {
      busy = false;
      handling.control().resume(partition);
      return;
    }
    EventRecord event;
    try {
      event = handling.codec().decode(record.value());
    } catch (DecodeException e) {
      deadLetter(record, null, 0, "undecodable record: " + e.getMessage(), 1);
      return;
    }
    attempt(record, event, 1, window.contains(event.provider(), event.deliveryId()));
  }

  private void attempt(KafkaConsumerRecord<String, byte[]> record, EventRecord event, int attempt,
      boolean duplicate) {
    Delivery delivery =
        new Delivery(record.topic(), record.partition(), record.offset(), attempt, duplicate);
    // One consumer span per attempt, parented on the record's traceparent: a retry or a
    // redelivery after a restart joins the trace the webhook started.
    Span span = handling.tracing().startFrom("process event", SpanKind.CONSUMER,
        traceparentOf(record, event));
    Tracing.set(span, Tracing.Attr.REPOSITORY, event.repository());
    Tracing.set(span, Tracing.Attr.DELIVERY, event.deliveryId());
    Tracing.set(span, Tracing.Attr.ATTEMPT, Integer.toString(attempt));
    Future<ProcessingOutcome> processed;
    try (Scope ignored = span.makeCurrent()) {
      processed = handling.processor().process(event, delivery);
    } catch (RuntimeException e) {
      processed = Future.failedFuture(e);
    }
    if (processed != null) {
      processed.onComplete(done -> {
        if (done.failed()) {
          Tracing.failed(span, done.cause());
        } else if (done.result() != null) {
          Tracing.set(span, Tracing.Attr.OUTCOME, outcomeName(done.result()));
        }
        span.end();
      });
    } else {
      span.end();
    }
    if (processed == null) {
      processed = Future.failedFuture(new IllegalStateException("processor returned no future"));
    }
    onContext(processed, result -> {
      if (revoked) {
        return;
      }
      ProcessingOutcome outcome = outcomeOf(result, delivery);
      if (outcome instanceof ProcessingOutcome.Done done) {
        window.remember(event.provider(), event.deliveryId());
        LOG.debug("{} offset {}: {}", partition, record.offset(), done.outcome());
        handling.outcomes().accept("done");
        commit(record);
        next();
      } else if (outcome instanceof ProcessingOutcome.Fail fail) {
        deadLetter(record, event, attempt, fail.reason(), 1);
      } else if (outcome instanceof ProcessingOutcome.Retry retry) {
        if (attempt >= handling.maxAttempts()) {
          deadLetter(record, event, attempt,
              "gave up after " + attempt + " attempts: " + retry.cause(), 1);
        } else {
          long delay = Math.max(1, handling.backoff().delay(attempt).toMillis());
          LOG.info("{} offset {}: attempt {} will be retried in {} ms: {}", partition,
              record.offset(), attempt, delay, retry.cause());
          handling.outcomes().accept("retry");
          if (drainedNow()) {
            return;
          }
          vertx().setTimer(delay, id -> {
            if (!revoked) {
              attempt(record, event, attempt + 1, duplicate);
            }
          });
        }
      }
    });
  }

  private static String traceparentOf(KafkaConsumerRecord<String, byte[]> record, EventRecord event) {
    for (var header : record.headers()) {
      if (header.key().equals("traceparent") && header.value() != null) {
        return header.value().toString();
      }
    }
    return event.traceparent();
  }

  /** The outcome's kind only: its text can quote a git host's answer. */
  private static String outcomeName(ProcessingOutcome outcome) {
    return outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  private ProcessingOutcome outcomeOf(AsyncResult<ProcessingOutcome> result, Delivery delivery) {
    if (result.failed()) {
      // The exception's message is not copied into the DLQ header: it could quote anything.
      LOG.warn("{} offset {}: processor failed on attempt {}", partition, delivery.offset(),
          delivery.attempt(), result.cause());
      return new ProcessingOutcome.Retry("processor failed: " + result.cause().getClass().getName());
    }
    if (result.result() == null) {
      return new ProcessingOutcome.Retry("processor returned no outcome");
    }
    return result.result();
  }

  /**
   * A record reaches the DLQ before its offset is committed; if the DLQ cannot be written, keep
   * trying (the partition waits) rather than lose the record. Then the processor hears of it
   * ({@code event} is null for an undecodable record, which no processor ever saw), and only after
   * its report (or the bound) is the offset committed: a crash before that delivers the record
   * again, so the report is not lost either.
   */
  private void deadLetter(KafkaConsumerRecord<String, byte[]> record, EventRecord event, int attempts,
      String error, int sendAttempt) {
    onContext(handling.deadLetters().send(record, attempts, error), sent -> {
      if (revoked) {
        return;
      }
      if (sent.succeeded()) {
        LOG.warn("{} offset {} went to the dead-letter topic after {} attempt(s): {}", partition,
            record.offset(), attempts, error);
        handling.outcomes().accept("dead_lettered");
        onContext(reportDeadLetter(event, error), reported -> {
          if (revoked) {
            return;
          }
          commit(record);
          next();
        });
      } else {
        long delay = Math.max(1, handling.backoff().delay(sendAttempt).toMillis());
        LOG.warn("{} offset {}: dead-letter write failed, retrying in {} ms", partition,
            record.offset(), delay, sent.cause());
        vertx().setTimer(delay, id -> {
          if (!revoked) {
            deadLetter(record, event, attempts, error, sendAttempt + 1);
          }
        });
      }
    });
  }

  /** Completes when the processor's report does, or after the bound; never fails. */
  private Future<Void> reportDeadLetter(EventRecord event, String error) {
    if (event == null) {
      return Future.succeededFuture();
    }
    Future<Void> report;
    try {
      report = handling.processor().deadLettered(event, error);
    } catch (RuntimeException e) {
      report = Future.failedFuture(e);
    }
    if (report == null) {
      return Future.succeededFuture();
    }
    io.vertx.core.Promise<Void> bounded = io.vertx.core.Promise.promise();
    long timer = vertx().setTimer(DEAD_LETTER_REPORT_BOUND_MS, id -> {
      if (bounded.tryComplete()) {
        LOG.warn("{}: the processor did not report a dead-lettered event within {} ms", partition,
            DEAD_LETTER_REPORT_BOUND_MS);
      }
    });
    report.onComplete(done -> {
      if (done.failed()) {
        LOG.warn("{}: the processor's dead-letter report failed", partition, done.cause());
      }
      if (bounded.tryComplete()) {
        vertx().cancelTimer(timer);
      }
    });
    return bounded.future();
  }

  private void commit(KafkaConsumerRecord<String, byte[]> record) {
    handling.control().commit(partition, record.offset() + 1);
  }

  /** Processor futures may complete on any thread; the worker's state lives on one context. */
  private <T> void onContext(Future<T> future, Handler<AsyncResult<T>> handler) {
    future.onComplete(result -> {
      if (Vertx.currentContext() == handling.context()) {
        handler.handle(result);
      } else {
        handling.context().runOnContext(v -> handler.handle(result));
      }
    });
  }

  private Vertx vertx() {
    return handling.context().owner();
  }
}
