package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.EventRecords;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class QueueStartupTest {

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
  void withNoBootstrapServersTheEmbeddedBrokerRunsOnTheDataDirectoryAndTakesEvents(@TempDir Path dataDir)
      throws Exception {
    QueueSettings settings = QueueSettings.embedded(WorkerInstanceId.fromDataDir(dataDir));

    QueueStartup.StartedQueue queue =
        QueueStartup.start(vertx, settings, dataDir, true).await(60, TimeUnit.SECONDS);

    assertThat(queue.embeddedBroker()).isNotNull();
    assertThat(queue.settings().bootstrapServers()).isEqualTo(queue.embeddedBroker().bootstrapServers());
    assertThat(Files.exists(dataDir.resolve("kafka/cluster-id"))).isTrue();
    EventPublisher publisher = EventPublisher.create(vertx, queue.settings(), new EventRecordCodec());
    assertThat(publisher.publish(EventRecords.push("repo", "d")).await(20, TimeUnit.SECONDS).topic())
        .isEqualTo(QueueSettings.DEFAULT_TOPIC);
    publisher.close().await(10, TimeUnit.SECONDS);
    queue.close(vertx).await(30, TimeUnit.SECONDS);
  }

  @Test
  void withBootstrapServersNoBrokerIsStartedAndTheTopicsAreEnsured(@TempDir Path dataDir)
      throws Exception {
    QueueSettings settings = QueueTestSupport.settings(broker, "startup");

    QueueStartup.StartedQueue queue =
        QueueStartup.start(vertx, settings, dataDir, true).await(30, TimeUnit.SECONDS);

    assertThat(queue.embeddedBroker()).isNull();
    assertThat(queue.settings()).isEqualTo(settings);
    assertThat(QueueTestSupport.topics(broker.bootstrapServers()))
        .contains(settings.topic(), settings.deadLetterTopic());
    assertThat(Files.exists(dataDir.resolve("kafka"))).isFalse();
  }
}
