package dev.floe.gitops.webhook.queue;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code floe.dlq.size}: how many records the dead-letter topic holds, summed over its partitions as end offset minus
 * beginning offset (what retention has not removed yet). The counter {@code floe.dlq.records} counts what this
 * instance wrote since it started; this gauge is what is waiting for an operator, from any instance, across restarts.
 *
 * <p>An Admin client query on a worker thread (never the event loop) at start and every {@code period}; a scrape reads
 * the last value and never waits for Kafka. A failed query keeps the last value and logs at debug: the broker being
 * away shows on the queue's readiness, not as a dead-letter count of zero.
 */
public final class DeadLetterGauge implements AutoCloseable {

  public static final String NAME = "floe.dlq.size";
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterGauge.class);
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final long queryTimeoutMillis;
  private final String topic;
  private final Admin admin;
  private final AtomicLong size = new AtomicLong();
  // one context, so ordered blocking tasks run one after another: queries never overlap
  private final Context context;
  private final Object lock = new Object();
  // a query queued but not started yet: callers arriving before it starts share it, and each caller gets a
  // query that starts after its call (a caller that just wrote a record sees it)
  private Future<Long> queued;
  private final MeterRegistry registry;
  private final Gauge gauge;
  private volatile long timer = -1;
  private volatile boolean closed;

  DeadLetterGauge(Vertx vertx, QueueSettings settings, MeterRegistry registry) {
    this(vertx, settings, registry, QUERY_TIMEOUT);
  }

  /** {@code queryTimeout} bounds each Admin call, so a broker that is away costs one timeout per refresh. */
  DeadLetterGauge(Vertx vertx, QueueSettings settings, MeterRegistry registry, Duration queryTimeout) {
    this.queryTimeoutMillis = queryTimeout.toMillis();
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.topic = settings.deadLetterTopic();
    Map<String, Object> config = new HashMap<>(KafkaClientConfigs.admin(settings));
    config.put("client.id", "floe-gitops-dlq-gauge");
    this.admin = Admin.create(config);
    this.registry = registry;
    this.gauge = Gauge.builder(NAME, size, AtomicLong::get)
        .description("Records in the dead-letter topic (end minus beginning offset, all partitions)")
        .register(registry);
  }

  /** Registers the gauge, queries once now and then every {@code period}. */
  public static DeadLetterGauge start(Vertx vertx, QueueSettings settings, MeterRegistry registry,
      Duration period) {
    DeadLetterGauge gauge = new DeadLetterGauge(vertx, settings, registry);
    gauge.refresh();
    gauge.timer = vertx.setPeriodic(Math.max(1, period.toMillis()), id -> gauge.refresh());
    return gauge;
  }

  /** The last value read. */
  public long size() {
    return size.get();
  }

  /**
   * A query on a worker thread that starts after this call; completes with the value the gauge holds afterwards
   * (the old one on failure).
   */
  public Future<Long> refresh() {
    if (closed) {
      return Future.succeededFuture(size.get());
    }
    synchronized (lock) {
      if (queued != null) {
        return queued;
      }
      Promise<Long> promise = Promise.promise();
      Future<Long> future = promise.future();
      queued = future;
      context.<Long>executeBlocking(() -> {
        synchronized (lock) {
          if (queued == future) {
            queued = null;
          }
        }
        return measure();
      }, true).onComplete(promise);
      return future;
    }
  }

  private long measure() {
    try {
      size.set(query());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.debug("dead-letter topic {} not measured, keeping {}: {}", topic, size.get(), e.toString());
    }
    return size.get();
  }

  private long query() throws Exception {
    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
        .get(queryTimeoutMillis, TimeUnit.MILLISECONDS).get(topic);
    List<TopicPartition> partitions = description.partitions().stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = admin.listOffsets(
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
        .all().get(queryTimeoutMillis, TimeUnit.MILLISECONDS);
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all().get(queryTimeoutMillis, TimeUnit.MILLISECONDS);
    long total = 0;
    for (TopicPartition p : partitions) {
      total += Math.max(0, latest.get(p).offset() - earliest.get(p).offset());
    }
    return total;
  }

  /** Stops the refreshes and closes the Admin client on a worker thread (closing may wait for the broker). */
  public Future<Void> close(Vertx on) {
    closed = true;
    // a queue started again registers a new gauge on the new instance's value
    registry.remove(gauge);
    if (timer >= 0) {
      on.cancelTimer(timer);
    }
    return on.executeBlocking(() -> {
      admin.close(Duration.ofSeconds(5));
      return null;
    }, false);
  }

  @Override
  public void close() {
    close(vertx);
  }
}
