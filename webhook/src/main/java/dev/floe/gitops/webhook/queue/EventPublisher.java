package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes event records to the events topic for the receiver (SPEC §2, §3). A publish completes
 * only when Kafka has acknowledged the record with acks=all, and fails with {@link
 * QueueUnavailable} when that has not happened within the produce timeout: the receiver never
 * answers 202 for an event that is not durable.
 *
 * <p>Key = the configured repository, so one repository's events keep their order in one
 * partition; the W3C {@code traceparent} also travels as a record header, so the trace continues
 * without decoding the value.
 */
public final class EventPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

  private final Vertx vertx;
  private final KafkaProducer<String, byte[]> producer;
  private final EventRecordCodec codec;
  private final String topic;
  private final Duration timeout;

  private EventPublisher(Vertx vertx, KafkaProducer<String, byte[]> producer,
      EventRecordCodec codec, String topic, Duration timeout) {
    this.vertx = vertx;
    this.producer = producer;
    this.codec = codec;
    this.topic = topic;
    this.timeout = timeout;
  }

  public static EventPublisher create(Vertx vertx, QueueSettings settings, EventRecordCodec codec) {
    KafkaProducer<String, byte[]> producer = KafkaProducer.create(vertx,
        KafkaClientConfigs.producer(settings, "floe-gitops-publisher"), String.class, byte[].class);
    // A failed send is reported through its future (as QueueUnavailable); without a handler the
    // client would also log it as an unhandled exception on the event loop.
    producer.exceptionHandler(e -> LOG.debug("Kafka producer error", e));
    return new EventPublisher(vertx, producer, codec, settings.topic(), settings.produceTimeout());
  }

  public Future<Published> publish(EventRecord event) {
    KafkaProducerRecord<String, byte[]> record =
        KafkaProducerRecord.create(topic, event.repository(), codec.encode(event));
    if (event.traceparent() != null) {
      record.addHeader("traceparent", event.traceparent());
    }
    Promise<Published> promise = Promise.promise();
    // The client's own timeouts are bounded by the same value; this timer is the guarantee, as a
    // send can also wait in the Vert.x worker queue before Kafka's clock starts.
    long timer = vertx.setTimer(timeout.toMillis(), id -> promise.tryFail(new QueueUnavailable(
        "Kafka did not acknowledge within " + timeout.toMillis() + " ms", null)));
    producer.send(record).onComplete(
        metadata -> {
          vertx.cancelTimer(timer);
          promise.tryComplete(
              new Published(metadata.getTopic(), metadata.getPartition(), metadata.getOffset()));
        },
        failure -> {
          vertx.cancelTimer(timer);
          promise.tryFail(new QueueUnavailable("Kafka did not acknowledge: "
              + failure.getClass().getSimpleName(), failure));
        });
    return promise.future();
  }

  public Future<Void> close() {
    return producer.close();
  }
}
