package dev.floe.gitops.webhook.receiver;

import static dev.floe.gitops.webhook.receiver.ReceiverHarness.ORG_SECRET;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventConsumerLoop;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueTestSupport;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace per event across the Kafka hop: the caller's span → the receipt → the produce, and each
 * consumer attempt (the failed first one and its redelivery) with the worker's step spans under it.
 */
@ExtendWith(KafkaBrokerExtension.class)
class EventTraceTest {

  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Test
  void anEventAndItsRedeliveryMakeOneConnectedTrace(EmbeddedKafkaBroker broker) {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    Tracing tracing = Tracing.of(sdk);
    QueueSettings settings = QueueTestSupport.settings(broker, "event-trace");
    String yaml = """
        profile: production
        environments: {dev: {platform: platform/dev/platform.yaml}}
        organizations: [{name: acme, provider: github, webhookSecret: {secret_ref: acme-org-webhook}}]
        repositories:
          - {name: acme/traced, provider: github, url: https://github.com/acme/traced.git, deploy: [{environment: dev, branch: main}]}
        """;
    AtomicInteger attempts = new AtomicInteger();
    try (ReceiverHarness harness = new ReceiverHarness(ReceiverHarness.config(yaml),
        r -> { throw new AssertionError(); }, 1 << 20, tracing)) {
      ReceiverHarness.await(TopicsInitializer.ensureTopics(harness.vertx, settings));
      EventPublisher publisher = EventPublisher.create(harness.vertx, settings, new EventRecordCodec());
      harness.sink.set(publisher::publish);
      EventConsumerLoop loop = new EventConsumerLoop(settings, (event, delivery) -> {
        // a worker step, parented on whatever span is current: the attempt's consumer span
        tracing.inSpan("fetch", () -> null);
        return attempts.incrementAndGet() == 1
            ? Future.failedFuture(new IllegalStateException("first attempt fails"))
            : Future.succeededFuture(new ProcessingOutcome.Done("recorded"));
      }, attempt -> Duration.ofMillis(5)).tracing(tracing);
      ReceiverHarness.await(harness.vertx.deployVerticle(loop));

      byte[] body = ("{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(39) + "1\",\"after\":\""
          + "a".repeat(40) + "\",\"repository\":{\"full_name\":\"acme/traced\"}}")
          .getBytes(StandardCharsets.UTF_8);
      int status = ReceiverHarness.await(harness.client.post(harness.port(), "127.0.0.1", "/hooks/github")
          .putHeader("Content-Type", "application/json")
          .putHeader("X-GitHub-Event", "push")
          .putHeader("X-GitHub-Delivery", "trace-1")
          .putHeader("X-Hub-Signature-256", "sha256=" + hmacHex(ORG_SECRET, body))
          .putHeader("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01")
          .sendBuffer(Buffer.buffer(body)).map(r -> r.statusCode()));
      assertThat(status).isEqualTo(202);

      await().atMost(Duration.ofSeconds(30)).until(() -> named(spans, "process event").size() == 2);
      ReceiverHarness.await(publisher.close());
    }

    List<SpanData> all = spans.getFinishedSpanItems();
    assertThat(all).extracting(SpanData::getTraceId).containsOnly(CALLER_TRACE);
    SpanData receive = named(spans, "webhook receive").get(0);
    assertThat(receive.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(receive.getParentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(receive.getAttributes().get(Tracing.Attr.REPOSITORY.key())).isEqualTo("acme/traced");
    assertThat(receive.getAttributes().get(Tracing.Attr.OUTCOME.key())).isEqualTo("queued");
    assertThat(named(spans, "kafka produce")).singleElement()
        .satisfies(s -> assertThat(s.getParentSpanId()).isEqualTo(receive.getSpanId()));

    List<SpanData> consumed = named(spans, "process event");
    assertThat(consumed).allSatisfy(s -> {
      assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(s.getParentSpanId()).isEqualTo(receive.getSpanId());
    });
    assertThat(consumed).extracting(s -> s.getAttributes().get(Tracing.Attr.ATTEMPT.key()))
        .containsExactlyInAnyOrder("1", "2");
    assertThat(consumed).extracting(s -> s.getStatus().getStatusCode())
        .containsExactlyInAnyOrder(StatusCode.ERROR, StatusCode.UNSET);
    assertThat(named(spans, "fetch")).hasSize(2).extracting(SpanData::getParentSpanId)
        .containsExactlyInAnyOrderElementsOf(consumed.stream().map(SpanData::getSpanId).toList());
    sdk.close();
  }

  private static List<SpanData> named(InMemorySpanExporter spans, String name) {
    return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).toList();
  }
}
