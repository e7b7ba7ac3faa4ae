package dev.floe.gitops.webhook.service;

import dev.floe.gitops.webhook.queue.OwnedPartitions;

/**
 * Where the consumer loop announces the partitions it holds after each rebalance, for the parts that act per owned
 * repository (the reconciler: SPEC §4, each replica reconciles only the repositories whose partitions it owns).
 */
public final class PartitionAssignments extends Announcements<OwnedPartitions> {

  public PartitionAssignments() {
    super("partition assignment");
  }
}
