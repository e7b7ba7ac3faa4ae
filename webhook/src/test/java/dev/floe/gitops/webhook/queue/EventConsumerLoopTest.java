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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker's consumer against a real broker: outcomes, DLQ, commits, order, duplicates. */
@ExtendWith(KafkaBrokerExtension.class)
class EventConsumerLoopTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Tests never wait for a real backoff. */
  private static final Backoff QUICK = attempt -> Duration.ofMillis(5);

  private static Vertx vertx;
  private static EmbeddedKafkaBroker broker;
  private final EventRecordCodec codec = new EventRecordCodec();
  private final List<EventPublisher> publishers = new ArrayList<>();

  @BeforeAll
  static void start(EmbeddedKafkaBroker shared) {
    vertx = Vertx.vertx();
    broker = shared;
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void undeployAll() throws Exception {
    for (String id : vertx.deploymentIDs()) {
      vertx.undeploy(id).await(20, TimeUnit.SECONDS);
    }
    for (EventPublisher publisher : publishers) {
      publisher.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRetryOutcomeIsRetriedThenDeadLetteredAfterMaxAttemptsWithItsHeaders() throws Exception {
    QueueSettings settings = prepare("retry").withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));
    RecordingProcessor processor = new RecordingProcessor((event, delivery) ->
        Future.succeededFuture(event.deliveryId().equals("flaky")
            ? new ProcessingOutcome.Retry("git host unreachable")
            : new ProcessingOutcome.Done("deployed")));
    publish(settings, EventRecords.push("repo", "flaky"), EventRecords.push("repo", "next"));

    deploy(settings, processor);

    await().atMost(WAIT).until(() -> processor.deliveryIds().contains("next"));
    assertThat(processor.calls).extracting(c -> c.event().deliveryId() + "#" + c.delivery().attempt())
        .containsExactly("flaky#1", "flaky#2", "flaky#3", "next#1");
    ConsumerRecord<String, byte[]> dead = deadLetters(settings, 1).get(0);
    assertThat(dead.key()).isEqualTo("repo");
    assertThat(codec.decode(dead.value()).deliveryId()).isEqualTo("flaky");
    assertThat(header(dead, DeadLetterPublisher.ATTEMPTS)).isEqualTo("3");
    assertThat(header(dead, DeadLetterPublisher.ERROR))
        .isEqualTo("gave up after 3 attempts: git host unreachable");
    assertThat(header(dead, DeadLetterPublisher.ORIGINAL_TOPIC)).isEqualTo(settings.topic());
    assertThat(header(dead, DeadLetterPublisher.ORIGINAL_PARTITION)).isEqualTo("0");
    assertThat(header(dead, DeadLetterPublisher.ORIGINAL_OFFSET)).isEqualTo("0");
    assertThat(header(dead, "traceparent")).isEqualTo(EventRecords.TRACEPARENT);
    awaitCommitted(settings, 2);
  }

  @Test
  void aProcessorExceptionCountsAsRetryAndOnlyItsClassReachesTheDeadLetterHeaders() throws Exception {
    QueueSettings settings = prepare("throws").withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5));
    RecordingProcessor processor = new RecordingProcessor((event, delivery) ->
        Future.failedFuture(new IllegalStateException("push to https://x:ghp_secret@host failed")));
    publish(settings, EventRecords.push("repo", "boom"));

    deploy(settings, processor);

    ConsumerRecord<String, byte[]> dead = deadLetters(settings, 1).get(0);
    assertThat(header(dead, DeadLetterPublisher.ERROR))
        .isEqualTo("gave up after 2 attempts: processor failed: java.lang.IllegalStateException");
    assertThat(processor.calls).hasSize(2);
    awaitCommitted(settings, 1);
  }

  @Test
  void aFailOutcomeGoesToTheDeadLetterTopicAtOnce() throws Exception {
    QueueSettings settings = prepare("fail");
    RecordingProcessor processor = new RecordingProcessor((event, delivery) ->
        Future.succeededFuture(new ProcessingOutcome.Fail("floe.yaml:14:7: unknown compute profile")));
    publish(settings, EventRecords.push("repo", "invalid"));

    deploy(settings, processor);

    ConsumerRecord<String, byte[]> dead = deadLetters(settings, 1).get(0);
    assertThat(header(dead, DeadLetterPublisher.ATTEMPTS)).isEqualTo("1");
    assertThat(header(dead, DeadLetterPublisher.ERROR)).isEqualTo("floe.yaml:14:7: unknown compute profile");
    assertThat(processor.calls).hasSize(1);
    awaitCommitted(settings, 1);
  }

  @Test
  void anUnparseableRecordGoesToTheDeadLetterTopicAndTheNextRecordOfThePartitionIsProcessed()
      throws Exception {
    QueueSettings settings = prepare("garbage");
    byte[] garbage = "{\"schemaVersion\":1,\"provider\":\"svn\"}".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
        Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(),
        new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(settings.topic(), "repo", garbage)).get(10, TimeUnit.SECONDS);
    }
    publish(settings, EventRecords.push("repo", "good"));
    RecordingProcessor processor = RecordingProcessor.allDone();

    deploy(settings, processor);

    await().atMost(WAIT).until(() -> processor.deliveryIds().equals(List.of("good")));
    ConsumerRecord<String, byte[]> dead = deadLetters(settings, 1).get(0);
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(header(dead, DeadLetterPublisher.ERROR))
        .startsWith("undecodable record: field 'provider'").doesNotContain("svn");
    assertThat(header(dead, DeadLetterPublisher.ATTEMPTS)).isEqualTo("0");
    awaitCommitted(settings, 2);
  }

  @Test
  void offsetsAreCommittedOnlyAfterDoneSoARecordInFlightIsRedeliveredToTheSameInstanceAfterAKill()
      throws Exception {
    QueueSettings settings = prepare("kill");
    publish(settings, EventRecords.push("repo", "in-flight"));
    Promise<ProcessingOutcome> never = Promise.promise();
    RecordingProcessor first = new RecordingProcessor((event, delivery) -> never.future());
    String firstLoop = deploy(settings, first);
    await().atMost(WAIT).until(() -> first.calls.size() == 1);

    vertx.undeploy(firstLoop).await(20, TimeUnit.SECONDS);
    assertThat(committed(settings)).isEqualTo(-1);

    RecordingProcessor second = RecordingProcessor.allDone();
    deploy(settings, second); // same group.instance.id: it takes the partition back at once
    await().atMost(WAIT).until(() -> second.deliveryIds().equals(List.of("in-flight")));
    assertThat(second.calls.get(0).delivery().offset()).isEqualTo(first.calls.get(0).delivery().offset());
    awaitCommitted(settings, 1);
  }

  @Test
  void theSameDeliveryTwiceIsRecognisedAsADuplicate() throws Exception {
    QueueSettings settings = prepare("duplicate");
    EventRecord event = EventRecords.push("repo", "delivered-twice");
    publish(settings, event, event, EventRecords.push("repo", "other"));
    RecordingProcessor processor = RecordingProcessor.allDone();

    deploy(settings, processor);

    await().atMost(WAIT).until(() -> processor.calls.size() == 3);
    assertThat(processor.calls).extracting(c -> c.event().deliveryId() + ":" + c.delivery().duplicate())
        .containsExactly("delivered-twice:false", "delivered-twice:true", "other:false");
  }

  private QueueSettings prepare(String name) throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, name);
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    return settings;
  }

  private void publish(QueueSettings settings, EventRecord... events) throws Exception {
    EventPublisher publisher = EventPublisher.create(vertx, settings, codec);
    publishers.add(publisher);
    for (EventRecord event : events) {
      publisher.publish(event).await(20, TimeUnit.SECONDS);
    }
  }

  private String deploy(QueueSettings settings, EventProcessor processor) throws Exception {
    return vertx.deployVerticle(new EventConsumerLoop(settings, processor, QUICK))
        .await(20, TimeUnit.SECONDS);
  }

  private List<ConsumerRecord<String, byte[]>> deadLetters(QueueSettings settings, int count) {
    List<ConsumerRecord<String, byte[]>> records =
        QueueTestSupport.readAll(broker.bootstrapServers(), settings.deadLetterTopic(), count);
    assertThat(records).hasSize(count);
    return records;
  }

  private long committed(QueueSettings settings) throws Exception {
    return QueueTestSupport.committedOffset(broker.bootstrapServers(), settings.groupId(),
        settings.topic(), 0);
  }

  private void awaitCommitted(QueueSettings settings, long offset) {
    await().atMost(WAIT).until(() -> committed(settings) == offset);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String key) {
    return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
