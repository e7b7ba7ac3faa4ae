package dev.floe.gitops.webhook.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the events topic and its dead-letter topic when they are missing; leaves existing ones
 * as they are (their partition count is an operator's decision once created). Safe to run from
 * every replica at every start: a topic created by another replica meanwhile counts as success.
 */
public final class TopicsInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsInitializer.class);

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
        .eventually(admin::close)
        .recover(e -> Future.failedFuture(
            new IllegalStateException("failed to create the queue topics: " + e.getMessage(), e)));
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
