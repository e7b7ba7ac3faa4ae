package dev.floe.gitops.webhook.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the events topic and its dead-letter topic when they are missing; leaves existing ones
 * as they are (their partition count is an operator's decision once created). Safe to run from
 * every replica at every start: a topic created by another replica meanwhile counts as success.
 *
 * <p>Completes only once the metadata shows a leader for every partition of both topics, so the
 * first events are not sent into a topic that does not exist yet. A produce right after creation
 * can still meet NOT_LEADER_OR_FOLLOWER while the broker takes up leadership (seen in tests); the
 * producer retries it, and one batch in flight per partition keeps the order (KafkaClientConfigs).
 */
public final class TopicsInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsInitializer.class);

  private static final Duration LEADER_WAIT = Duration.ofSeconds(30);
  private static final long LEADER_POLL_MS = 100;

  private TopicsInitializer() {}

  public static Future<Void> ensureTopics(Vertx vertx, QueueSettings settings) {
    KafkaAdminClient admin = KafkaAdminClient.create(vertx, KafkaClientConfigs.admin(settings));
    return admin.listTopics()
        .compose(existing -> {
          List<NewTopic> missing = Stream.of(settings.topic(), settings.deadLetterTopic())
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, settings.partitions(), settings.replicationFactor()))
              .toList();
          if (missing.isEmpty()) {
            return Future.<Void>succeededFuture();
          }
          LOG.info("Creating topics {} ({} partitions, replication factor {})",
              missing.stream().map(NewTopic::getName).toList(), settings.partitions(),
              settings.replicationFactor());
          return admin.createTopics(missing)
              .recover(e -> isTopicExists(e) ? Future.succeededFuture() : Future.failedFuture(e));
        })
        .compose(v -> awaitLeaders(vertx, admin, List.of(settings.topic(), settings.deadLetterTopic()),
            System.nanoTime() + LEADER_WAIT.toNanos()))
        .eventually(admin::close)
        .recover(e -> Future.failedFuture(
            new IllegalStateException("failed to create the queue topics: " + e.getMessage(), e)));
  }

  private static Future<Void> awaitLeaders(Vertx vertx, KafkaAdminClient admin, List<String> topics,
      long deadline) {
    return admin.describeTopics(topics)
        .map(descriptions -> descriptions.values().stream()
            .flatMap(d -> d.getPartitions().stream())
            .allMatch(p -> p.getLeader() != null && !p.getLeader().isEmpty()))
        .recover(e -> Future.succeededFuture(false)) // metadata not there yet
        .compose(ready -> {
          if (ready) {
            return Future.succeededFuture();
          }
          if (System.nanoTime() > deadline) {
            return Future.failedFuture("partitions of " + topics + " have no leader after "
                + LEADER_WAIT.toSeconds() + " s");
          }
          return vertx.timer(LEADER_POLL_MS).compose(t -> awaitLeaders(vertx, admin, topics, deadline));
        });
  }

  private static boolean isTopicExists(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TopicExistsException) {
        return true;
      }
    }
    return false;
  }
}
