package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.EventRecords;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker of its own (not the shared one), stopped and started again on the same data directory:
 * what the embedded queue promises across a restart of the service.
 */
class BrokerRestartTest {

  private static Vertx vertx;
  private final EventRecordCodec codec = new EventRecordCodec();
  private Path dataDir;
  private EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.close();
    }
    KafkaBrokerExtension.deleteRecursively(dataDir);
  }

  @Test
  void publishingToAStoppedBrokerFailsWithQueueUnavailableInBoundedTimeAndSucceedsOnceItIsBack()
      throws Exception {
    dataDir = Files.createTempDirectory("floe-gitops-kafka-restart");
    // Fixed ports, so the publisher's bootstrap address stays valid across the restart.
    int brokerPort = freePort();
    int controllerPort = freePort();
    broker = EmbeddedKafkaBroker.start(dataDir, brokerPort, controllerPort);
    QueueSettings settings = QueueTestSupport.settings(broker, "unavailable")
        .withProduceTimeout(Duration.ofSeconds(2));
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    EventPublisher publisher = EventPublisher.create(vertx, settings, codec);
    publisher.publish(EventRecords.push("repo", "before-stop")).await(20, TimeUnit.SECONDS);

    broker.close();
    broker = null;
    // Generous bound for a loaded machine; the produce timeout itself is 2 s.
    assertThatThrownBy(() -> publisher.publish(EventRecords.push("repo", "while-down"))
        .await(15, TimeUnit.SECONDS))
        .isInstanceOf(QueueUnavailable.class);

    broker = EmbeddedKafkaBroker.start(dataDir, brokerPort, controllerPort);
    await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(QueueUnavailable.class).until(() ->
        publisher.publish(EventRecords.push("repo", "after-restart")).await(15, TimeUnit.SECONDS) != null);
    assertThat(QueueTestSupport.readAll(broker.bootstrapServers(), settings.topic(), 2))
        .extracting(r -> codec.decode(r.value()).deliveryId())
        .startsWith("before-stop").contains("after-restart").doesNotContain("while-down");
    publisher.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void eventsQueuedBeforeABrokerRestartOnTheSameDataDirectorySurviveAndAreAllProcessed()
      throws Exception {
    dataDir = Files.createTempDirectory("floe-gitops-kafka-restart");
    broker = EmbeddedKafkaBroker.start(dataDir);
    String clusterId = broker.clusterId();
    QueueSettings settings = QueueTestSupport.settings(broker, "survive");
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    EventPublisher publisher = EventPublisher.create(vertx, settings, codec);
    for (int i = 0; i < 20; i++) {
      publisher.publish(EventRecords.push("repo", "queued-" + i)).await(20, TimeUnit.SECONDS);
    }
    publisher.close().await(10, TimeUnit.SECONDS);
    broker.close();

    broker = EmbeddedKafkaBroker.start(dataDir); // new free ports, same log
    assertThat(broker.clusterId()).isEqualTo(clusterId);
    QueueSettings restarted = settings.withBootstrapServers(broker.bootstrapServers());
    TopicsInitializer.ensureTopics(vertx, restarted).await(20, TimeUnit.SECONDS);
    RecordingProcessor processor = RecordingProcessor.allDone();
    String loop = vertx.deployVerticle(new EventConsumerLoop(restarted, processor, attempt -> Duration.ZERO))
        .await(20, TimeUnit.SECONDS);

    List<String> expected = IntStream.range(0, 20).mapToObj(i -> "queued-" + i).toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> processor.calls.size() >= 20);
    assertThat(processor.deliveryIds()).containsExactlyElementsOf(expected);
    vertx.undeploy(loop).await(20, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
