package dev.floe.gitops.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ContentTypesTest {

    HttpResponse<Buffer> post(Vertx vertx, String contentType) {
        HttpServer server = HttpTestServer.start(vertx, router -> router.post("/hooks")
                .handler(ContentTypes.accepting("application/json", "application/x-www-form-urlencoded"))
                .handler(ctx -> ctx.response().end("ok")));
        var request = WebClient.create(vertx).post(server.actualPort(), "127.0.0.1", "/hooks");
        if (contentType != null) request.putHeader("Content-Type", contentType);
        return request.sendBuffer(Buffer.buffer("{}")).await();
    }

    @Test
    void anAcceptedMediaTypePassesWhateverItsParameters(Vertx vertx) {
        assertThat(post(vertx, "Application/JSON; charset=utf-8").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherMediaTypeIsRefusedWith415(Vertx vertx) {
        HttpResponse<Buffer> response = post(vertx, "text/plain");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unsupported_media_type");
        assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
                .isEqualTo("content type must be application/json or application/x-www-form-urlencoded");
    }

    @Test
    void aMissingContentTypeIsRefusedWith415(Vertx vertx) {
        assertThat(post(vertx, null).statusCode()).isEqualTo(415);
    }
}
