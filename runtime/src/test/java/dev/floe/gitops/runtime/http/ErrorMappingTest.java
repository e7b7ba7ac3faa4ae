package dev.floe.gitops.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ErrorMappingTest {

    HttpResponse<Buffer> get(Vertx vertx, String path) {
        HttpServer server = HttpTestServer.start(vertx, router -> {
            router.get("/crash").handler(ctx -> { throw new IllegalStateException("db password=hunter2 rejected"); });
            router.get("/async-crash").handler(ctx -> ctx.fail(new RuntimeException("token ghp_abcdef")));
            router.get("/problem").handler(ctx -> { throw HttpProblem.badRequest("missing field 'ref'"); });
            router.get("/ok").handler(ctx -> ctx.response().end("ok"));
        });
        return WebClient.create(vertx).get(server.actualPort(), "127.0.0.1", path).send().await();
    }

    @Test
    void anUnexpectedExceptionIsAGeneric500WithoutItsText(Vertx vertx) {
        for (String path : new String[] {"/crash", "/async-crash"}) {
            HttpResponse<Buffer> response = get(vertx, path);
            assertThat(response.statusCode()).isEqualTo(500);
            JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
            assertThat(error.getString("code")).isEqualTo("internal_error");
            assertThat(error.getString("message")).matches("internal error \\(id [0-9a-f]{8}\\)");
            assertThat(response.bodyAsString()).doesNotContain("hunter2").doesNotContain("ghp_");
        }
    }

    @Test
    void aKnownProblemKeepsItsStatusCodeAndMessage(Vertx vertx) {
        HttpResponse<Buffer> response = get(vertx, "/problem");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
                .put("error", new JsonObject().put("code", "bad_request").put("message", "missing field 'ref'")));
    }

    @Test
    void routingErrorsUseTheSameShape(Vertx vertx) {
        HttpResponse<Buffer> response = get(vertx, "/nowhere");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("not_found");
    }
}
