package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.service.EventMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each status call is a child span of the event's span and a failed call is counted (docs/observability.md). */
class StatusCallTelemetryTest {

  static final String TOKEN = "ghs_telemetry0123456789SECRET";

  FakeProvider host;
  InMemorySpanExporter spans = InMemorySpanExporter.create();
  SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  Tracing tracing = Tracing.of(OpenTelemetrySdk.builder().setTracerProvider(provider).build());
  SimpleMeterRegistry registry = new SimpleMeterRegistry();
  EventMetrics metrics = new EventMetrics(registry);

  @BeforeEach
  void start() throws Exception {
    host = new FakeProvider();
  }

  @AfterEach
  void stop() {
    host.close();
    provider.close();
  }

  HttpStatusClient client() {
    return new HttpStatusClient(new HttpStatusClient.Target(host.baseUrl(), "acme/sales", new GitHubApi()),
        HttpClient.newHttpClient(), () -> Optional.of(TOKEN), RetryPolicy.defaults(GitHubStatusClientTest.CLOCK),
        d -> { }, new StatusDedupe(100), new LocalStatusLog("acme/sales", 10), tracing, metrics);
  }

  double failures(String provider) {
    Counter c = registry.find("floe.status.call.failures").tag("provider", provider).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aStatusPostIsAChildSpanOfTheEventWithProviderAndNoToken() {
    Span event = tracing.child("event");
    try (Scope ignored = event.makeCurrent()) {
      PostResult r = client().post(GitHubStatusClientTest.status(StatusState.SUCCESS, "compiles"));
      assertThat(r).isInstanceOf(PostResult.Posted.class);
    } finally {
      event.end();
    }

    SpanData call = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("status post"))
        .findFirst().orElseThrow();
    assertThat(call.getParentSpanId()).isEqualTo(event.getSpanContext().getSpanId());
    assertThat(call.getTraceId()).isEqualTo(event.getSpanContext().getTraceId());
    assertThat(call.getAttributes().get(Tracing.Attr.PROVIDER.key())).isEqualTo("github");
    assertThat(call.getAttributes().get(Tracing.Attr.REPOSITORY.key())).isEqualTo("acme/sales");
    assertThat(call.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
    for (SpanData s : spans.getFinishedSpanItems()) {
      Stream.concat(Stream.of(s.getName(), s.getStatus().getDescription()),
          s.getAttributes().asMap().values().stream().map(String::valueOf))
          .forEach(v -> assertThat(v).doesNotContain(TOKEN).doesNotContain("http://").doesNotContain("?"));
    }
    assertThat(failures("github")).isZero();
  }

  @Test
  void aCallThatKeepsFailingUntilGiveUpCountsOnce() {
    for (int i = 0; i < 20; i++) {
      host.answer(FakeProvider.Answer.of(500, "{}"));
    }

    PostResult r = client().post(GitHubStatusClientTest.status(StatusState.FAILURE, "does not compile"));

    assertThat(r).isInstanceOf(PostResult.Failed.class);
    assertThat(failures("github")).isEqualTo(1.0);
    List<SpanData> calls = spans.getFinishedSpanItems();
    assertThat(calls).extracting(SpanData::getName).containsExactly("status post");
    assertThat(calls.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void aRefusedCommentCallCountsWithoutRetries() {
    host.answer(FakeProvider.Answer.of(422, "{\"message\": \"nope\"}"));

    PostResult r = client().upsertComment(7, "hello");

    assertThat(r).isInstanceOf(PostResult.Failed.class);
    assertThat(host.requests()).hasSize(1);
    assertThat(failures("github")).isEqualTo(1.0);
    assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("status list comments");
  }
}
