package dev.floe.gitops.webhook.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Settings with names of their own per test, and a plain reader to check what is on a topic. */
public final class QueueTestSupport {

  private QueueTestSupport() {}

  /** Own topics and group per call, so tests sharing the broker cannot see each other's events. */
  public static QueueSettings settings(EmbeddedKafkaBroker broker, String name) {
    String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return QueueSettings.embedded("worker-" + unique)
        .withBootstrapServers(broker.bootstrapServers())
        .withTopics("events-" + unique, "events-" + unique + ".dlq")
        .withGroup("group-" + unique, "worker-" + unique);
  }

  /** Every record of the topic from the start, reading until {@code count} are there or 20 s. */
  public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, int count) {
    Map<String, Object> config = Map.of("bootstrap.servers", bootstrap,
        "enable.auto.commit", "false");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** The group's committed offset of the partition, or -1 when nothing is committed. */
  static long committedOffset(String bootstrap, String group, String topic, int partition)
      throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, partition));
      return offset == null ? -1 : offset.offset();
    }
  }

  /** The topics the cluster has. */
  static Set<String> topics(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      return admin.listTopics().names().get(10, TimeUnit.SECONDS);
    }
  }
}
