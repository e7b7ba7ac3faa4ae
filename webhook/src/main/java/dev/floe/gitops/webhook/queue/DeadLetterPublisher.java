package dev.floe.gitops.webhook.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a record that will not be processed to the dead-letter topic: the original key and raw
 * bytes (so a record that could not even be decoded can be inspected and replayed), the original
 * {@code traceparent}, and headers saying where it came from and why it gave up. The error text is
 * a decode error or a processor's reason, both of which never carry secrets.
 */
final class DeadLetterPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);

  static final String ORIGINAL_TOPIC = "floe.original.topic";
  static final String ORIGINAL_PARTITION = "floe.original.partition";
  static final String ORIGINAL_OFFSET = "floe.original.offset";
  static final String ATTEMPTS = "floe.attempts";
  static final String ERROR = "floe.error";
  private static final int MAX_ERROR_CHARS = 1000;

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;

  private DeadLetterPublisher(KafkaProducer<String, byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  static DeadLetterPublisher create(Vertx vertx, QueueSettings settings) {
    KafkaProducer<String, byte[]> producer = KafkaProducer.create(vertx,
        KafkaClientConfigs.producer(settings, "floe-gitops-dlq-" + settings.groupInstanceId()),
        String.class, byte[].class);
    // Failures reach the partition worker through the send's future, which retries.
    producer.exceptionHandler(e -> LOG.debug("Kafka dead-letter producer error", e));
    return new DeadLetterPublisher(producer, settings.deadLetterTopic());
  }

  Future<Void> send(KafkaConsumerRecord<String, byte[]> original, int attempts, String error) {
    KafkaProducerRecord<String, byte[]> record =
        KafkaProducerRecord.create(topic, original.key(), original.value());
    for (KafkaHeader header : original.headers()) {
      if (header.key().equals("traceparent")) {
        record.addHeader(header);
      }
    }
    record.addHeader(ORIGINAL_TOPIC, original.topic());
    record.addHeader(ORIGINAL_PARTITION, String.valueOf(original.partition()));
    record.addHeader(ORIGINAL_OFFSET, String.valueOf(original.offset()));
    record.addHeader(ATTEMPTS, String.valueOf(attempts));
    record.addHeader(ERROR, error.length() <= MAX_ERROR_CHARS ? error
        : error.substring(0, MAX_ERROR_CHARS) + "...");
    return producer.send(record).mapEmpty();
  }

  Future<Void> close() {
    return producer.close();
  }
}
