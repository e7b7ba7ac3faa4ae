package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.EventRecords;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Order within a repository, concurrency across partitions. */
@ExtendWith(KafkaBrokerExtension.class)
class EventConsumerOrderTest {

  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final int PARTITIONS = 4;

  private static Vertx vertx;
  private static EmbeddedKafkaBroker broker;
  private final EventRecordCodec codec = new EventRecordCodec();

  @BeforeAll
  static void start(EmbeddedKafkaBroker shared) {
    vertx = Vertx.vertx();
    broker = shared;
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void aThousandEventsOverTenRepositoriesSentConcurrentlyAreProcessedInOrderPerRepository()
      throws Exception {
    // The point here is order, not the 503 path: a burst of a thousand sends on two shared cores
    // may queue for longer than the production default of 5 s.
    QueueSettings settings = prepare("order").withProduceTimeout(Duration.ofSeconds(30));
    Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    AtomicInteger overlapsWithinRepository = new AtomicInteger();
    // Completes later (a timer or the next event-loop turn), so records of different partitions
    // really are in flight together.
    RecordingProcessor processor = new RecordingProcessor((event, delivery) -> {
      if (inFlight.computeIfAbsent(event.repository(), r -> new AtomicInteger()).incrementAndGet() > 1) {
        overlapsWithinRepository.incrementAndGet();
      }
      Promise<ProcessingOutcome> done = Promise.promise();
      Runnable finish = () -> {
        inFlight.get(event.repository()).decrementAndGet();
        done.complete(new ProcessingOutcome.Done("deployed"));
      };
      if (Math.floorMod(event.deliveryId().hashCode(), 2) == 0) {
        vertx.setTimer(1, id -> finish.run());
      } else {
        vertx.runOnContext(v -> finish.run());
      }
      return done.future();
    });
    vertx.deployVerticle(new EventConsumerLoop(settings, processor, attempt -> Duration.ZERO))
        .await(20, TimeUnit.SECONDS);
    EventPublisher publisher = EventPublisher.create(vertx, settings, codec);

    // All thousand publishes are started before any completes; per repository they are issued
    // in sequence order, which is the order the queue must keep.
    List<Future<Published>> sent = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sent.add(publisher.publish(EventRecords.push("repo-" + i % 10, "repo-" + i % 10 + "#" + i / 10)));
    }
    long started = System.nanoTime();
    Future.all(sent).await(60, TimeUnit.SECONDS);
    System.out.printf("1000 publishes acknowledged in %d ms%n", (System.nanoTime() - started) / 1_000_000);

    await().atMost(WAIT).until(() -> processor.calls.size() >= 1000);
    assertThat(processor.calls).hasSize(1000);
    for (int r = 0; r < 10; r++) {
      String repository = "repo-" + r;
      List<String> seen = processor.calls.stream()
          .filter(c -> c.event().repository().equals(repository))
          .map(c -> c.event().deliveryId()).toList();
      assertThat(seen).as(repository)
          .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(n -> repository + "#" + n).toList());
    }
    assertThat(overlapsWithinRepository).hasValue(0);
    publisher.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aRecordInFlightOnOnePartitionDoesNotHoldUpAnotherPartition() throws Exception {
    QueueSettings settings = prepare("independent");
    String slow = "slow-repo";
    String fast = repositoryOnAnotherPartition(slow);
    Promise<ProcessingOutcome> slowDone = Promise.promise();
    RecordingProcessor processor = new RecordingProcessor((event, delivery) ->
        event.repository().equals(slow) ? slowDone.future()
            : Future.succeededFuture(new ProcessingOutcome.Done("deployed")));
    vertx.deployVerticle(new EventConsumerLoop(settings, processor, attempt -> Duration.ZERO))
        .await(20, TimeUnit.SECONDS);
    EventPublisher publisher = EventPublisher.create(vertx, settings, codec);
    publisher.publish(EventRecords.push(slow, "s1")).await(20, TimeUnit.SECONDS);
    publisher.publish(EventRecords.push(slow, "s2")).await(20, TimeUnit.SECONDS);
    publisher.publish(EventRecords.push(fast, "f1")).await(20, TimeUnit.SECONDS);

    // f1 is processed while s1 is still in flight; s2 waits behind s1 on its partition.
    await().atMost(WAIT).until(() -> processor.deliveryIds().contains("f1"));
    assertThat(processor.deliveryIds()).doesNotContain("s2");
    slowDone.complete(new ProcessingOutcome.Done("deployed"));
    await().atMost(WAIT).until(() -> processor.deliveryIds().contains("s2"));
    publisher.close().await(10, TimeUnit.SECONDS);
  }

  private QueueSettings prepare(String name) throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, name).withPartitions(PARTITIONS);
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    return settings;
  }

  /** Kafka's default partitioner for a keyed record: murmur2 of the key bytes. */
  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  private static String repositoryOnAnotherPartition(String repository) {
    return IntStream.range(0, 100).mapToObj(i -> "fast-repo-" + i)
        .filter(r -> partitionOf(r) != partitionOf(repository)).findFirst().orElseThrow();
  }
}
