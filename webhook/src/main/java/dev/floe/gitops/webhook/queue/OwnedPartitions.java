package dev.floe.gitops.webhook.queue;

import java.util.Set;

/**
 * The events-topic partitions this replica's consumer holds, and how many the topic has: together they say which
 * repositories' events land here (a record's partition is the murmur2 of its repository key modulo the count).
 */
public record OwnedPartitions(Set<Integer> partitions, int partitionCount) {

  public OwnedPartitions {
    partitions = Set.copyOf(partitions);
    if (partitionCount < 1) {
      throw new IllegalArgumentException("partitionCount must be >= 1");
    }
  }
}
