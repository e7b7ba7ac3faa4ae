package dev.floe.gitops.webhook.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the queue needs to know, handed over as one value (STYLE: config from a map you are
 * handed). Use {@link #embedded} or {@link #external} for the documented defaults and the {@code
 * with...} methods to change one thing.
 *
 * @param bootstrapServers the Kafka cluster, or null for the embedded broker (SPEC §3)
 * @param partitions partitions of the events topic when it is created: the upper bound of worker
 *     replicas that share the work
 * @param groupInstanceId stable per replica (pod name, or a name kept in the data directory), so a
 *     restarted replica gets its partitions back at once (static membership)
 * @param produceTimeout how long a publish may wait for Kafka's acknowledgement before the receiver
 *     answers 503
 * @param maxAttempts processing attempts of one record for {@code Retry} outcomes before the DLQ
 * @param clientProperties extra Kafka client properties (SASL, SSL) given to every client; values
 *     may be secrets and are never logged
 */
public record QueueSettings(
    String bootstrapServers,
    String topic,
    String deadLetterTopic,
    int partitions,
    short replicationFactor,
    String groupId,
    String groupInstanceId,
    Duration sessionTimeout,
    Duration produceTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    Map<String, String> clientProperties) {

  public static final String DEFAULT_TOPIC = "floe-gitops.events";
  public static final String DEFAULT_DEAD_LETTER_TOPIC = "floe-gitops.events.dlq";
  public static final String DEFAULT_GROUP_ID = "floe-gitops-worker";

  public QueueSettings {
    requireText(topic, "topic");
    requireText(deadLetterTopic, "deadLetterTopic");
    if (topic.equals(deadLetterTopic)) {
      throw new IllegalArgumentException("topic and deadLetterTopic must differ");
    }
    requireText(groupId, "groupId");
    requireText(groupInstanceId, "groupInstanceId");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replicationFactor must be >= 1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    requirePositive(sessionTimeout, "sessionTimeout");
    requirePositive(produceTimeout, "produceTimeout");
    requirePositive(backoffBase, "backoffBase");
    requirePositive(backoffMax, "backoffMax");
    clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
  }

  /**
   * Defaults for the embedded single-node broker: one partition (there is one worker), one
   * replica, and a short session timeout (the broker allows it; a lost worker is noticed quickly).
   */
  public static QueueSettings embedded(String groupInstanceId) {
    return new QueueSettings(null, DEFAULT_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, 1, (short) 1,
        DEFAULT_GROUP_ID, groupInstanceId, Duration.ofSeconds(6), Duration.ofSeconds(5), 5,
        Duration.ofSeconds(1), Duration.ofMinutes(2), Map.of());
  }

  /** Defaults for an existing cluster: 12 partitions, 3 replicas, Kafka's own session timeout. */
  public static QueueSettings external(String bootstrapServers, String groupInstanceId) {
    requireText(bootstrapServers, "bootstrapServers");
    return new QueueSettings(bootstrapServers, DEFAULT_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, 12,
        (short) 3, DEFAULT_GROUP_ID, groupInstanceId, Duration.ofSeconds(45),
        Duration.ofSeconds(5), 5, Duration.ofSeconds(1), Duration.ofMinutes(2), Map.of());
  }

  public boolean isEmbedded() {
    return bootstrapServers == null;
  }

  /** The same settings against a running broker (the embedded one's address is known at start). */
  public QueueSettings withBootstrapServers(String servers) {
    return new QueueSettings(servers, topic, deadLetterTopic, partitions, replicationFactor, groupId,
        groupInstanceId, sessionTimeout, produceTimeout, maxAttempts, backoffBase, backoffMax,
        clientProperties);
  }

  public QueueSettings withTopics(String events, String deadLetters) {
    return new QueueSettings(bootstrapServers, events, deadLetters, partitions, replicationFactor,
        groupId, groupInstanceId, sessionTimeout, produceTimeout, maxAttempts, backoffBase,
        backoffMax, clientProperties);
  }

  public QueueSettings withPartitions(int count) {
    return new QueueSettings(bootstrapServers, topic, deadLetterTopic, count, replicationFactor,
        groupId, groupInstanceId, sessionTimeout, produceTimeout, maxAttempts, backoffBase,
        backoffMax, clientProperties);
  }

  public QueueSettings withGroup(String group, String instanceId) {
    return new QueueSettings(bootstrapServers, topic, deadLetterTopic, partitions,
        replicationFactor, group, instanceId, sessionTimeout, produceTimeout, maxAttempts,
        backoffBase, backoffMax, clientProperties);
  }

  public QueueSettings withSessionTimeout(Duration timeout) {
    return new QueueSettings(bootstrapServers, topic, deadLetterTopic, partitions,
        replicationFactor, groupId, groupInstanceId, timeout, produceTimeout, maxAttempts,
        backoffBase, backoffMax, clientProperties);
  }

  public QueueSettings withProduceTimeout(Duration timeout) {
    return new QueueSettings(bootstrapServers, topic, deadLetterTopic, partitions,
        replicationFactor, groupId, groupInstanceId, sessionTimeout, timeout, maxAttempts,
        backoffBase, backoffMax, clientProperties);
  }

  public QueueSettings withRetries(int attempts, Duration base, Duration max) {
    return new QueueSettings(bootstrapServers, topic, deadLetterTopic, partitions,
        replicationFactor, groupId, groupInstanceId, sessionTimeout, produceTimeout, attempts,
        base, max, clientProperties);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be a non-blank string");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }
}
