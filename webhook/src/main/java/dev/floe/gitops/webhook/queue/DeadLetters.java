package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.webhook.event.DecodeException;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dead-letter topic for an operator ({@code floe-gitops dlq list|replay}): reads it from the
 * beginning without joining any group (so the worker's offsets are untouched), and puts chosen
 * records back on the events topic as new records with the original key, value and {@code
 * traceparent}, so a replayed event continues its first trace.
 *
 * <p>Kafka cannot delete single records: a replayed record stays in the DLQ, and {@link Entry}
 * says so when a later DLQ record of the same delivery exists. Blocking; not for an event loop.
 */
public final class DeadLetters {

  private static final Duration POLL = Duration.ofMillis(200);

  /**
   * One dead-lettered record. Fields come from the decoded event (null when it could not be
   * decoded) and the DLQ headers; none holds a secret (docs/queue.md: headers carry positions,
   * attempt counts and reason texts that never quote credentials).
   */
  public record Entry(int partition, long offset, String delivery, String repository, String kind,
      String ref, String attempts, String error, String key, byte[] value, String traceparent) {}

  private final QueueSettings settings;
  private final Duration timeout;

  public DeadLetters(QueueSettings settings, Duration timeout) {
    this.settings = settings;
    this.timeout = timeout;
  }

  /** Every record currently in the dead-letter topic, oldest first per partition. */
  public List<Entry> list() throws TimeoutException {
    Map<String, Object> props = new HashMap<>(KafkaClientConfigs.admin(settings));
    props.put("client.id", "floe-gitops-dlq-reader");
    props.put("enable.auto.commit", "false");
    EventRecordCodec codec = new EventRecordCodec();
    List<Entry> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(settings.deadLetterTopic(), timeout);
      if (infos == null || infos.isEmpty()) {
        return out;
      }
      List<TopicPartition> partitions = infos.stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("the dead-letter topic was not read to its end within "
              + timeout.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
          out.add(entry(r, codec));
        }
      }
    }
    return out;
  }

  /** Publishes the chosen entries to the events topic; answers how many Kafka acknowledged. */
  public int replay(List<Entry> entries, Predicate<Entry> chosen)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Object> props = new HashMap<>(
        KafkaClientConfigs.producer(settings, "floe-gitops-dlq-replay"));
    int sent = 0;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      for (Entry e : entries) {
        if (!chosen.test(e)) {
          continue;
        }
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(settings.topic(), e.key(), e.value());
        if (e.traceparent() != null) {
          record.headers().add("traceparent", e.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        sent++;
      }
    }
    return sent;
  }

  private static boolean reached(KafkaConsumer<String, byte[]> consumer,
      Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Entry entry(ConsumerRecord<String, byte[]> r, EventRecordCodec codec) {
    String delivery = null;
    String repository = r.key();
    String kind = null;
    String ref = null;
    try {
      EventRecord event = codec.decode(r.value());
      delivery = event.deliveryId();
      repository = event.repository();
      kind = event.kind().wireName();
      ref = event.ref();
    } catch (DecodeException e) {
      kind = "undecodable";
    }
    return new Entry(r.partition(), r.offset(), delivery, repository, kind, ref,
        header(r, DeadLetterPublisher.ATTEMPTS), header(r, DeadLetterPublisher.ERROR), r.key(),
        r.value(), header(r, "traceparent"));
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
