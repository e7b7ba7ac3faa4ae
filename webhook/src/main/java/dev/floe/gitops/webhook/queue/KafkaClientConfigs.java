package dev.floe.gitops.webhook.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client properties derived from {@link QueueSettings}, in one place so the
 * durability-relevant choices (acks, idempotence, manual commits) are reviewed together.
 * Operator-given {@code clientProperties} (SASL, SSL) are applied first, so they cannot switch off
 * a guarantee the code depends on.
 */
final class KafkaClientConfigs {

  /** Kafka's default; named because the delivery timeout must cover it (see producer()). */
  static final long LINGER_MS = 5;

  private KafkaClientConfigs() {}

  static Map<String, String> admin(QueueSettings settings) {
    Map<String, String> p = base(settings);
    p.put("client.id", "floe-gitops-admin");
    return p;
  }

  /**
   * Idempotent, acks=all, and every client-side wait bounded by the produce timeout, so a send
   * either is acknowledged or has failed by then: the receiver can answer 503 in bounded time.
   */
  static Map<String, String> producer(QueueSettings settings, String clientId) {
    Map<String, String> p = base(settings);
    long timeout = Math.max(1, settings.produceTimeout().toMillis());
    p.put("client.id", clientId);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    // One batch in flight per connection: per-repository order is the product's promise, and
    // with more in flight a batch retried after NOT_LEADER_OR_FOLLOWER was seen to be overtaken
    // by later ones (then stuck on OUT_OF_ORDER_SEQUENCE_NUMBER). Webhook rates do not need more.
    p.put("max.in.flight.requests.per.connection", "1");
    p.put("linger.ms", String.valueOf(LINGER_MS));
    p.put("max.block.ms", String.valueOf(timeout));
    p.put("request.timeout.ms", String.valueOf(timeout));
    // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
    p.put("delivery.timeout.ms", String.valueOf(timeout + LINGER_MS));
    return p;
  }

  /**
   * Static membership, manual commits, cooperative rebalancing (a partition is only revoked when
   * it really moves, so in-flight work elsewhere is not interrupted), and the earliest offset for a
   * new group, so events queued before the first worker ever ran are not skipped.
   */
  static Map<String, String> consumer(QueueSettings settings) {
    Map<String, String> p = base(settings);
    Duration session = settings.sessionTimeout();
    p.put("client.id", "floe-gitops-worker-" + settings.groupInstanceId());
    p.put("group.id", settings.groupId());
    p.put("group.instance.id", settings.groupInstanceId());
    p.put("session.timeout.ms", String.valueOf(session.toMillis()));
    p.put("heartbeat.interval.ms", String.valueOf(Math.max(100, session.toMillis() / 3)));
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    p.put("partition.assignment.strategy",
        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    p.put("max.poll.records", "100");
    return p;
  }

  private static Map<String, String> base(QueueSettings settings) {
    if (settings.bootstrapServers() == null) {
      throw new IllegalStateException("no bootstrap servers: start the embedded broker first");
    }
    Map<String, String> p = new HashMap<>(settings.clientProperties());
    p.put("bootstrap.servers", settings.bootstrapServers());
    return p;
  }
}
