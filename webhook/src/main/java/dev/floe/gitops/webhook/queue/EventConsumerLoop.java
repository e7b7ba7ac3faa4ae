package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's consumer (SPEC §3, §4): a verticle that reads the events topic as a member of the
 * worker group and hands each record to the {@link EventProcessor}, one {@link PartitionWorker} per
 * assigned partition. Deploy it to start consuming, undeploy it to stop.
 *
 * <ul>
 *   <li>Static membership ({@code group.instance.id}): a restarted replica gets its partitions
 *       back at once instead of after a rebalance.
 *   <li>Offsets are committed manually and only after a record's outcome is final, so a crash
 *       before that means the record is delivered again (at least once; effects are idempotent).
 *   <li>A partition is paused while it has a record in flight, so the client does not fetch what
 *       cannot be processed yet.
 * </ul>
 */
public final class EventConsumerLoop extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(EventConsumerLoop.class);
  private static final Duration FINAL_COMMIT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

  private final QueueSettings settings;
  private final EventProcessor processor;
  private final Backoff backoff;
  private final EventRecordCodec codec;
  private final int windowCapacity;
  private Tracing tracing = Tracing.noop();
  private MeterRegistry registry;
  private java.util.function.Consumer<String> outcomes = outcome -> { };
  private java.util.function.Consumer<OwnedPartitions> assignments = owned -> { };
  private KafkaClientMetrics clientMetrics;
  private Duration drainTimeout = Duration.ZERO;

  private final Map<TopicPartition, PartitionWorker> workers = new HashMap<>();
  /** Per owned partition, the next offset after the last final outcome. */
  private final Map<TopicPartition, Long> finalOffsets = new HashMap<>();
  private KafkaConsumer<String, byte[]> consumer;
  private DeadLetterPublisher deadLetters;
  private RecordHandling handling;
  private boolean stopping;

  public EventConsumerLoop(QueueSettings settings, EventProcessor processor, Backoff backoff,
      EventRecordCodec codec, int windowCapacity) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.processor = Objects.requireNonNull(processor, "processor");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.windowCapacity = windowCapacity;
  }

  public EventConsumerLoop(QueueSettings settings, EventProcessor processor, Backoff backoff) {
    this(settings, processor, backoff, new EventRecordCodec(), DeliveryWindow.DEFAULT_CAPACITY);
  }

  /**
   * Continues each record's trace (its {@code traceparent} header) in a consumer span that is
   * current while the processor runs, so the worker's steps become its children. Call before
   * deploying.
   */
  public EventConsumerLoop tracing(Tracing tracing) {
    this.tracing = Objects.requireNonNull(tracing, "tracing");
    return this;
  }

  /**
   * Binds the consumer's client metrics (among them {@code records-lag} per partition) to {@code
   * registry}, and tells {@code outcomes} how each record ended: {@code done}, {@code retry} (one
   * more attempt scheduled) or {@code dead_lettered}. Call before deploying.
   */
  public EventConsumerLoop metrics(MeterRegistry registry, java.util.function.Consumer<String> outcomes) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    return this;
  }

  /**
   * Tells {@code assignments} which events-topic partitions this member holds after every assignment and revocation
   * (the reconciler restricts itself to their repositories). Call before deploying.
   */
  public EventConsumerLoop assignments(java.util.function.Consumer<OwnedPartitions> assignments) {
    this.assignments = Objects.requireNonNull(assignments, "assignments");
    return this;
  }

  /**
   * On stop, first let each partition's record in flight finish (and commit its offset) for up to
   * {@code timeout}, taking no new ones; zero (the default) hands everything in flight back at once.
   */
  public EventConsumerLoop drainTimeout(Duration timeout) {
    this.drainTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  @Override
  public Future<?> start() {
    consumer = KafkaConsumer.create(vertx, KafkaClientConfigs.consumer(settings), String.class,
        byte[].class);
    // The client runs pause, resume and commit on its one polling thread, queued behind the poll
    // in progress: with Vert.x's default 1 s poll, every resume after a record could wait that long.
    consumer.pollTimeout(POLL_TIMEOUT);
    deadLetters = DeadLetterPublisher.create(vertx, settings);
    handling = new RecordHandling(context, processor, codec, deadLetters, backoff,
        settings.maxAttempts(), new ConsumerControl(), tracing, outcomes);
    if (registry != null) {
      clientMetrics = new KafkaClientMetrics(consumer.unwrap());
      clientMetrics.bindTo(registry);
    }
    consumer.partitionsAssignedHandler(this::assigned);
    consumer.partitionsRevokedHandler(this::revoked);
    consumer.exceptionHandler(this::consumerError);
    consumer.handler(this::dispatch);
    LOG.info("Worker {} joins group {} on topic {}", settings.groupInstanceId(),
        settings.groupId(), settings.topic());
    return consumer.subscribe(settings.topic());
  }

  /**
   * Stops: with a {@link #drainTimeout}, first lets the records in flight finish (taking no new
   * ones); whatever is still in flight after it is handed back (delivered again after the restart).
   * Then commits once more what is final, within a bound so shutdown stays quick when Kafka is gone,
   * then closes. With static membership the group keeps this member's partitions until the
   * session times out or the same instance id comes back.
   */
  @Override
  public Future<?> stop() {
    if (consumer == null) {
      return Future.succeededFuture();
    }
    stopping = true;
    if (clientMetrics != null) {
      clientMetrics.close();
    }
    Future<?> drained = drainTimeout.isZero() || workers.isEmpty() ? Future.succeededFuture()
        : Future.join(workers.values().stream().map(PartitionWorker::drain).toList())
            .timeout(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return drained.otherwiseEmpty().compose(v -> handBackAndClose());
  }

  private Future<?> handBackAndClose() {
    workers.values().forEach(PartitionWorker::revoke);
    workers.clear();
    Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
    finalOffsets.forEach((partition, next) -> last.put(partition, new OffsetAndMetadata(next, "")));
    Future<?> commit = last.isEmpty() ? Future.succeededFuture()
        : consumer.commit(last).timeout(FINAL_COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    return commit.otherwiseEmpty()
        .compose(v -> consumer.close())
        .eventually(deadLetters::close);
  }

  /** Closing the client wakes it up: errors then are expected and not worth a warning. */
  private void consumerError(Throwable e) {
    if (stopping) {
      LOG.debug("Kafka consumer error while stopping", e);
    } else {
      LOG.warn("Kafka consumer error", e);
    }
  }

  private void assigned(Set<TopicPartition> partitions) {
    LOG.info("Worker {} got partitions {}", settings.groupInstanceId(), partitions);
    for (TopicPartition partition : partitions) {
      workers.computeIfAbsent(partition,
          p -> new PartitionWorker(p, handling, new DeliveryWindow(windowCapacity)));
    }
    announceOwnership();
  }

  private void revoked(Set<TopicPartition> partitions) {
    LOG.info("Worker {} lost partitions {}", settings.groupInstanceId(), partitions);
    for (TopicPartition partition : partitions) {
      finalOffsets.remove(partition);
      PartitionWorker worker = workers.remove(partition);
      if (worker != null) {
        worker.revoke();
      }
    }
    announceOwnership();
  }

  /**
   * Announces the partitions held now with the topic's partition count, asked of the broker: the topic may have been
   * created with more partitions than this replica's settings say. Not announced when the count cannot be read; the
   * previous announcement stands until the next rebalance.
   */
  private void announceOwnership() {
    if (stopping) {
      return;
    }
    java.util.Set<Integer> held = new java.util.TreeSet<>();
    for (TopicPartition partition : workers.keySet()) {
      if (partition.getTopic().equals(settings.topic())) {
        held.add(partition.getPartition());
      }
    }
    consumer.partitionsFor(settings.topic()).onComplete(infos -> {
      if (!infos.isEmpty()) {
        assignments.accept(new OwnedPartitions(held, infos.size()));
      }
    }, error -> LOG.debug("partition count of {} not read: {}", settings.topic(), error.toString()));
  }

  private void dispatch(KafkaConsumerRecord<String, byte[]> record) {
    PartitionWorker worker = workers.get(new TopicPartition(record.topic(), record.partition()));
    if (worker == null) {
      // Fetched before a revocation: the partition's new owner reads it again.
      LOG.debug("Dropping a record of unassigned partition {}-{}", record.topic(), record.partition());
      return;
    }
    worker.offer(record);
  }

  /** The consumer as the partition workers see it. */
  private final class ConsumerControl implements PartitionControl {

    @Override
    public void pause(TopicPartition partition) {
      consumer.pause(partition).onFailure(e -> LOG.debug("pause {} failed", partition, e));
    }

    @Override
    public void resume(TopicPartition partition) {
      consumer.resume(partition).onFailure(e -> LOG.debug("resume {} failed", partition, e));
    }

    @Override
    public void commit(TopicPartition partition, long nextOffset) {
      finalOffsets.put(partition, nextOffset);
      // A failed commit is not retried: a later commit covers it, and otherwise the record is
      // delivered again, which the idempotent processing tolerates.
      consumer.commit(Map.of(partition, new OffsetAndMetadata(nextOffset, "")))
          .onFailure(e -> {
            if (!stopping) {
              LOG.warn("Commit of {} at {} failed", partition, nextOffset, e);
            }
          });
    }
  }
}
