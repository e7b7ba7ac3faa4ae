package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.RepositoryConfig;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Utils;

/**
 * Which repositories a replica reconciles (SPEC §4: only those whose partitions it owns). Events are keyed by the
 * repository name, and Kafka's producer places a keyed record at {@code toPositive(murmur2(key)) % partitions}; the
 * same formula here gives the partition without asking the broker.
 */
public final class PartitionOwnership {

  private PartitionOwnership() {}

  public static int partitionOf(String repository, int partitions) {
    return Utils.toPositive(Utils.murmur2(repository.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Repositories whose events land on one of {@code owned}. */
  public static Predicate<RepositoryConfig> owning(Set<Integer> owned, int partitions) {
    Set<Integer> copy = Set.copyOf(owned);
    return repository -> copy.contains(partitionOf(repository.name(), partitions));
  }

  /** Every repository: a single replica, or a deployment that accepts redundant reconciling. */
  public static Predicate<RepositoryConfig> all() {
    return repository -> true;
  }
}
