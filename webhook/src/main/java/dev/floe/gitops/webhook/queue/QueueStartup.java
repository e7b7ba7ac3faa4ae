package dev.floe.gitops.webhook.queue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the queue up at service start (SPEC §3): the configured Kafka cluster, or, when no
 * bootstrap servers are configured, the embedded broker on the data directory; then both topics.
 * The broker start blocks for a second or two, so it runs on a worker thread.
 */
public final class QueueStartup {

  private static final Logger LOG = LoggerFactory.getLogger(QueueStartup.class);

  /**
   * The queue as started.
   *
   * @param settings the given settings, with the embedded broker's address filled in
   * @param embeddedBroker the broker this process runs, or null for an external cluster
   */
  public record StartedQueue(QueueSettings settings, EmbeddedKafkaBroker embeddedBroker) {

    /** Stops the embedded broker, if any; close publishers and consumer loops first. */
    public Future<Void> close(Vertx vertx) {
      if (embeddedBroker == null) {
        return Future.succeededFuture();
      }
      return vertx.executeBlocking(() -> {
        embeddedBroker.close();
        return null;
      });
    }
  }

  private QueueStartup() {}

  /**
   * @param singleNodeWarning true outside the {@code local} profile: an embedded broker there is a
   *     single point of failure worth a warning in the log
   */
  public static Future<StartedQueue> start(Vertx vertx, QueueSettings settings, Path dataDir,
      boolean singleNodeWarning) {
    Future<StartedQueue> started;
    if (settings.isEmbedded()) {
      started = vertx.executeBlocking(() -> {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir);
        if (singleNodeWarning) {
          LOG.warn("No kafka.bootstrapServers configured: the queue is an embedded single-node"
              + " Kafka in {}. Events survive restarts of this process, not the loss of its disk;"
              + " point kafka.bootstrapServers at a cluster for more.", dataDir);
        }
        return new StartedQueue(settings.withBootstrapServers(broker.bootstrapServers()), broker);
      });
    } else {
      started = Future.succeededFuture(new StartedQueue(settings, null));
    }
    return started.compose(queue -> TopicsInitializer.ensureTopics(vertx, queue.settings())
        .map(queue)
        .recover(e -> queue.close(vertx).transform(closed -> Future.failedFuture(e))));
  }
}
