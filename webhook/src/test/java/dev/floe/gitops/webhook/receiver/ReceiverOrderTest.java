package dev.floe.gitops.webhook.receiver;

import static dev.floe.gitops.webhook.receiver.ReceiverHarness.ORG_SECRET;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventConsumerLoop;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.ExponentialBackoff;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueTestSupport;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 1,000 deliveries over 10 repositories, all in flight at once: every one is acknowledged, and
 * each repository's events reach the worker in the order the receiver queued them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReceiverOrderTest {

  private static final int REPOSITORIES = 10;
  private static final int EVENTS = 1_000;

  @Test
  void eachRepositorysEventsAreProcessedInTheOrderTheyWereQueued(EmbeddedKafkaBroker broker) {
    QueueSettings settings = QueueTestSupport.settings(broker, "receiver-order").withPartitions(3);
    StringBuilder yaml = new StringBuilder("""
        profile: production
        environments: {dev: {platform: platform/dev/platform.yaml}}
        organizations: [{name: acme, provider: github, webhookSecret: {secret_ref: acme-org-webhook}}]
        repositories:
        """);
    for (int r = 0; r < REPOSITORIES; r++) {
      yaml.append("  - {name: acme/repo-").append(r).append(", provider: github, url: https://github.com/acme/repo-")
          .append(r).append(".git, deploy: [{environment: dev, branch: main}]}\n");
    }
    List<EventRecord> processed = new CopyOnWriteArrayList<>();
    try (ReceiverHarness harness = new ReceiverHarness(ReceiverHarness.config(yaml.toString()),
        r -> { throw new AssertionError(); }, 1 << 20)) {
      ReceiverHarness.await(TopicsInitializer.ensureTopics(harness.vertx, settings));
      EventPublisher publisher = EventPublisher.create(harness.vertx, settings, new EventRecordCodec());
      RecordingSink sink = new RecordingSink(publisher::publish);
      harness.sink.set(sink);
      EventConsumerLoop loop = new EventConsumerLoop(settings, (event, delivery) -> {
        processed.add(event);
        return Future.succeededFuture(new ProcessingOutcome.Done("recorded"));
      }, ExponentialBackoff.of(settings));
      ReceiverHarness.await(harness.vertx.deployVerticle(loop));

      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < EVENTS; i++) {
        answers.add(send(harness, i % REPOSITORIES, i));
      }
      List<Integer> statuses = answers.stream().map(ReceiverHarness::await).toList();

      assertThat(statuses).containsOnly(202);
      await().atMost(Duration.ofSeconds(60)).until(() -> processed.size() >= EVENTS);
      Map<String, List<String>> queuedOrder = byRepository(sink.published);
      Map<String, List<String>> processedOrder = byRepository(processed);
      assertThat(processedOrder).hasSize(REPOSITORIES);
      assertThat(processedOrder).isEqualTo(queuedOrder);
      ReceiverHarness.await(publisher.close());
    }
  }

  private static Future<Integer> send(ReceiverHarness harness, int repository, int seq) {
    String after = String.format("%040x", seq + 1);
    byte[] body = ("{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(39) + "1"
        + "\",\"after\":\"" + after + "\",\"repository\":{\"full_name\":\"acme/repo-" + repository
        + "\"}}").getBytes(StandardCharsets.UTF_8);
    return harness.client.post(harness.port(), "127.0.0.1", "/hooks/github")
        .putHeader("Content-Type", "application/json")
        .putHeader("X-GitHub-Event", "push")
        .putHeader("X-GitHub-Delivery", "order-" + seq)
        .putHeader("X-Hub-Signature-256", "sha256=" + hmacHex(ORG_SECRET, body))
        .sendBuffer(Buffer.buffer(body))
        .map(r -> r.statusCode());
  }

  private static Map<String, List<String>> byRepository(List<EventRecord> records) {
    return records.stream().collect(Collectors.groupingBy(EventRecord::repository,
        Collectors.mapping(EventRecord::deliveryId, Collectors.toList())));
  }
}
