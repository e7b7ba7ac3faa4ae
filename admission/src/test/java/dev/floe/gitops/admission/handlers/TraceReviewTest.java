package dev.floe.gitops.admission.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.admission.ReviewRequest;
import dev.floe.gitops.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An admission review gets its own span: kind, operation and decision, never the object or its name. */
class TraceReviewTest {

  @Test
  void aReviewIsOneServerSpanContinuingTheCallersTrace() throws Exception {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      router.post("/validate").handler(new TraceReview(Tracing.of(sdk))).handler(ctx -> {
        ReviewContext.request(ctx, new ReviewRequest("admission.k8s.io/v1", "uid-1", ReviewRequest.Operation.CREATE,
            "ConfigMap", null, "team-a", "db-credentials", false, Map.of(), null));
        ReviewContext.decision(ctx, "denied");
        ctx.response().end("{}");
      });
      HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
          .await(20, TimeUnit.SECONDS);
      int status = WebClient.create(vertx).post(server.actualPort(), "127.0.0.1", "/validate")
          .putHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
          .send().await(20, TimeUnit.SECONDS).statusCode();
      assertThat(status).isEqualTo(200);

      SpanData span = spans.getFinishedSpanItems().stream().findFirst().orElseThrow();
      assertThat(span.getName()).isEqualTo("admission review");
      assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
      assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
      assertThat(span.getAttributes().asMap()).hasSize(3);
      assertThat(span.getAttributes().get(Tracing.Attr.KIND.key())).isEqualTo("ConfigMap");
      assertThat(span.getAttributes().get(Tracing.Attr.OPERATION.key())).isEqualTo("CREATE");
      assertThat(span.getAttributes().get(Tracing.Attr.OUTCOME.key())).isEqualTo("denied");
      assertThat(span.getAttributes().toString()).doesNotContain("db-credentials").doesNotContain("team-a");
    } finally {
      vertx.close().await(20, TimeUnit.SECONDS);
      sdk.close();
    }
  }
}
