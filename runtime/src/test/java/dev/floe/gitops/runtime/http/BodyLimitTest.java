package dev.floe.gitops.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BodyLimitTest {

    static final int LIMIT = 64 * 1024;

    final AtomicInteger reachedHandler = new AtomicInteger();

    HttpServer server(Vertx vertx) {
        return HttpTestServer.start(vertx, router -> router.post("/hooks").handler(BodyLimit.of(LIMIT)).handler(ctx -> {
            reachedHandler.incrementAndGet();
            ctx.response().end("got " + BodyLimit.body(ctx).length());
        }));
    }

    @Test
    void aBodyWithinTheLimitReachesTheHandler(Vertx vertx) {
        HttpServer server = server(vertx);
        HttpResponse<Buffer> response = WebClient.create(vertx).post(server.actualPort(), "127.0.0.1", "/hooks")
                .sendBuffer(Buffer.buffer(new byte[LIMIT])).await();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("got " + LIMIT);
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedUpFront(Vertx vertx) {
        HttpServer server = server(vertx);
        HttpResponse<Buffer> response = WebClient.create(vertx).post(server.actualPort(), "127.0.0.1", "/hooks")
                .sendBuffer(Buffer.buffer(new byte[LIMIT + 1])).await();
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.getHeader("content-type")).isEqualTo("application/json");
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
                .put("error", new JsonObject().put("code", "payload_too_large").put("message", "request body is larger than 65536 bytes")));
        assertThat(reachedHandler).hasValue(0);
    }

    @Test
    void aChunkedBodyIsRefusedWhileStreamingOnceItPassesTheLimit(Vertx vertx) throws Exception {
        HttpServer server = server(vertx);
        HttpClient client = vertx.createHttpClient();
        var request = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(server.actualPort()).setURI("/hooks"))
                .await();
        request.setChunked(true); // no Content-Length: only counting the bytes can catch it
        // Status and body read in one chain on the event loop, so no body chunk arrives before its handler.
        var answer = request.response().compose(r -> r.body().map(body -> new Object[] {r.statusCode(), body}));
        for (int i = 0; i < 8; i++) request.write(Buffer.buffer(new byte[16 * 1024]));
        // The request is never ended: the answer can only come from counting bytes as they arrive.
        Object[] response = answer.await(20, TimeUnit.SECONDS);
        assertThat(response[0]).isEqualTo(413);
        assertThat(new JsonObject((Buffer) response[1]).getJsonObject("error").getString("code")).isEqualTo("payload_too_large");
        assertThat(reachedHandler).hasValue(0);
    }
}
