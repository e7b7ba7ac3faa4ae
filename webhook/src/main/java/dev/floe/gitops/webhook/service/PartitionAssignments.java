package dev.floe.gitops.webhook.service;

import dev.floe.gitops.webhook.queue.OwnedPartitions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the consumer loop announces the partitions it holds after each rebalance, for the parts that act per owned
 * repository (the reconciler: SPEC §4, each replica reconciles only the repositories whose partitions it owns).
 */
public final class PartitionAssignments {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionAssignments.class);

  private final List<Consumer<OwnedPartitions>> listeners = new CopyOnWriteArrayList<>();

  public void subscribe(Consumer<OwnedPartitions> listener) {
    listeners.add(listener);
  }

  /** Tells every listener; one that fails is logged and does not stop the others. */
  public void publish(OwnedPartitions owned) {
    for (Consumer<OwnedPartitions> listener : listeners) {
      try {
        listener.accept(owned);
      } catch (RuntimeException e) {
        LOG.error("applying the partition assignment failed in {}", listener.getClass().getName(), e);
      }
    }
  }
}
