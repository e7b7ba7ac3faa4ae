package dev.floe.gitops.webhook.queue;

import io.vertx.kafka.client.common.TopicPartition;

/** What a {@link PartitionWorker} may ask of the consumer that owns its partition. */
interface PartitionControl {

  /** Stop fetching the partition: back-pressure while a record is in flight. */
  void pause(TopicPartition partition);

  void resume(TopicPartition partition);

  /** Record that everything before {@code nextOffset} has a final outcome. */
  void commit(TopicPartition partition, long nextOffset);
}
