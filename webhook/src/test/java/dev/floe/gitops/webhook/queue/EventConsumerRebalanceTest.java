package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.EventRecords;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two worker replicas share the partitions; when one vanishes, the other takes over its work. */
@ExtendWith(KafkaBrokerExtension.class)
class EventConsumerRebalanceTest {

  private static final Duration WAIT = Duration.ofSeconds(45);

  private static Vertx vertx;
  private static EmbeddedKafkaBroker broker;

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
  void aRecordInFlightOnAVanishedReplicaIsProcessedByTheReplicaThatTakesOverItsPartition()
      throws Exception {
    QueueSettings base = QueueTestSupport.settings(broker, "rebalance").withPartitions(2)
        .withSessionTimeout(Duration.ofSeconds(2));
    TopicsInitializer.ensureTopics(vertx, base).await(20, TimeUnit.SECONDS);
    QueueSettings a = base.withGroup(base.groupId(), "replica-a");
    QueueSettings b = base.withGroup(base.groupId(), "replica-b");
    RecordingProcessor survivor = RecordingProcessor.allDone();
    Promise<ProcessingOutcome> never = Promise.promise();
    RecordingProcessor vanishing = new RecordingProcessor((event, delivery) -> never.future());
    AtomicReference<OwnedPartitions> ownedByA = new AtomicReference<>();
    AtomicReference<OwnedPartitions> ownedByB = new AtomicReference<>();
    vertx.deployVerticle(new EventConsumerLoop(a, survivor, attempt -> Duration.ZERO).assignments(ownedByA::set))
        .await(20, TimeUnit.SECONDS);
    String loopB = vertx.deployVerticle(new EventConsumerLoop(b, vanishing, attempt -> Duration.ZERO)
            .assignments(ownedByB::set))
        .await(20, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> bothMembersHoldAPartition(base.groupId()));
    // each replica announces what it holds, with the topic's partition count: one partition each
    await().atMost(WAIT).until(() -> ownedByA.get() != null && ownedByB.get() != null
        && ownedByA.get().partitions().size() == 1 && ownedByB.get().partitions().size() == 1);
    assertThat(Set.of(ownedByA.get().partitions().iterator().next(), ownedByB.get().partitions().iterator().next()))
        .containsExactlyInAnyOrder(0, 1);
    assertThat(ownedByA.get().partitionCount()).isEqualTo(2);

    // One repository per partition: whichever lands on replica b hangs there.
    EventPublisher publisher = EventPublisher.create(vertx, base, new EventRecordCodec());
    List<String> repositories = List.of(repositoryOn(0), repositoryOn(1));
    for (String repository : repositories) {
      publisher.publish(EventRecords.push(repository, repository + "#1")).await(20, TimeUnit.SECONDS);
    }
    await().atMost(WAIT).until(() -> survivor.calls.size() == 1 && vanishing.calls.size() == 1);

    vertx.undeploy(loopB).await(20, TimeUnit.SECONDS); // gone without committing

    await().atMost(WAIT).until(() -> survivor.calls.size() == 2);
    await().atMost(WAIT).until(() -> ownedByA.get().partitions().equals(Set.of(0, 1)));
    assertThat(survivor.deliveryIds()).containsExactlyInAnyOrder(
        repositories.get(0) + "#1", repositories.get(1) + "#1");
    assertThat(survivor.calls.get(1).event().deliveryId())
        .isEqualTo(vanishing.calls.get(0).event().deliveryId());
    publisher.close().await(10, TimeUnit.SECONDS);
  }

  private static boolean bothMembersHoldAPartition(String group) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
          .get(10, TimeUnit.SECONDS).get(group);
      return description.members().size() == 2 && description.members().stream()
          .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }
  }

  private static String repositoryOn(int partition) {
    return IntStream.range(0, 100).mapToObj(i -> "repo-" + i)
        .filter(r -> Utils.toPositive(Utils.murmur2(r.getBytes(StandardCharsets.UTF_8))) % 2 == partition)
        .findFirst().orElseThrow();
  }
}
