package dev.floe.gitops.runtime.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ManagementServerTest {

    final HealthRegistry health = new HealthRegistry();
    final PrometheusMeterRegistry registry = JvmMetrics.prometheusRegistry();

    HttpResponse<Buffer> get(Vertx vertx, String path) {
        ManagementServer server = new ManagementServer(vertx, "127.0.0.1", 0, registry, health);
        server.start().await();
        return WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", path).send().await();
    }

    @Test
    void healthzSaysAliveRegardlessOfReadiness(Vertx vertx) {
        health.register("kafka", () -> Readiness.notReady("broker not reachable"));
        HttpResponse<Buffer> response = get(vertx, "/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("alive");
    }

    @Test
    void readyzIsReadyWhenEveryComponentIs(Vertx vertx) {
        health.register("kafka", () -> Readiness.READY);
        health.register("git", () -> Readiness.READY);
        HttpResponse<Buffer> response = get(vertx, "/readyz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "ready").put("components", new JsonObject()
                .put("kafka", new JsonObject().put("ready", true)).put("git", new JsonObject().put("ready", true))));
    }

    @Test
    void readyzIs503WithTheReasonsWhenAComponentIsNot(Vertx vertx) {
        AtomicReference<Readiness> kafka = new AtomicReference<>(Readiness.notReady("broker not reachable"));
        health.register("kafka", kafka::get);
        health.register("git", () -> Readiness.READY);
        health.register("broken", () -> { throw new IllegalStateException("secret detail"); });
        HttpResponse<Buffer> response = get(vertx, "/readyz");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getJsonObject("components").getJsonObject("kafka"))
                .isEqualTo(new JsonObject().put("ready", false).put("reason", "broker not reachable"));
        assertThat(body.getJsonObject("error").getString("code")).isEqualTo("not_ready");
        assertThat(body.getJsonObject("error").getString("message"))
                .isEqualTo("kafka: broker not reachable; broken: readiness check failed (IllegalStateException)");
        assertThat(response.bodyAsString()).doesNotContain("secret detail");
    }

    @Test
    void metricsArePrometheusTextWithJvmMetrics(Vertx vertx) {
        Counter.builder("floe_gitops_test_events").register(registry).increment(3);
        HttpResponse<Buffer> response = get(vertx, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).startsWith("text/plain; version=0.0.4");
        assertThat(response.bodyAsString())
                .contains("floe_gitops_test_events_total 3.0")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads")
                .contains("jvm_classes_loaded_classes")
                .contains("system_cpu_count")
                .contains("process_uptime_seconds");
    }

    @Test
    void unknownPathsGetTheErrorShape(Vertx vertx) {
        HttpResponse<Buffer> response = get(vertx, "/admin");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_found");
    }
}
