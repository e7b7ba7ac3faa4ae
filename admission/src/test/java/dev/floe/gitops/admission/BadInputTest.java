package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.floe.gitops.runtime.config.AdmissionConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Every kind of bad input gets its exact status and a message naming the problem; never a 5xx or a hang. */
class BadInputTest {

    @TempDir static Path dataDir;
    static Vertx vertx;
    static TestWebhook webhook;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        webhook = new TestWebhook(vertx, dataDir, AdmissionConfig.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        webhook.close();
        vertx.close().await();
    }

    private static final String REQUEST = "{\"uid\":\"u-1\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"object\":{\"kind\":\"Pod\"}}";

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("empty", "", "request body is empty; expected an AdmissionReview"),
                Arguments.of("not json", "apiVersion: admission.k8s.io/v1", "request body is not valid JSON"),
                Arguments.of("truncated json", "{\"apiVersion\":\"admission.k8s.io/v1\",", "request body is not valid JSON"),
                Arguments.of("array", "[1,2,3]", "request body must be a JSON object (an AdmissionReview)"),
                Arguments.of("string", "\"hello\"", "request body must be a JSON object (an AdmissionReview)"),
                Arguments.of("no apiVersion", "{\"kind\":\"AdmissionReview\",\"request\":" + REQUEST + "}", "apiVersion is missing; expected admission.k8s.io/v1"),
                Arguments.of("v1beta1", "{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":" + REQUEST + "}",
                        "apiVersion admission.k8s.io/v1beta1 is not supported (removed in Kubernetes 1.22); set admissionReviewVersions: [v1]"),
                Arguments.of("other apiVersion", "{\"apiVersion\":\"apps/v1\",\"kind\":\"AdmissionReview\",\"request\":" + REQUEST + "}",
                        "apiVersion is not supported; expected admission.k8s.io/v1"),
                Arguments.of("wrong kind", "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"Deployment\",\"request\":" + REQUEST + "}", "kind must be AdmissionReview"),
                Arguments.of("no request", "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "request is missing; expected an AdmissionReview request"),
                Arguments.of("request not an object", "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":[]}",
                        "request is missing; expected an AdmissionReview request"),
                Arguments.of("no uid", review(REQUEST.replace("\"uid\":\"u-1\",", "")), "request.uid is missing"),
                Arguments.of("uid not a string", review(REQUEST.replace("\"u-1\"", "42")), "request.uid is missing"),
                Arguments.of("no operation", review(REQUEST.replace("\"operation\":\"CREATE\",", "")), "request.operation is missing"),
                Arguments.of("bad operation", review(REQUEST.replace("CREATE", "PATCH")), "request.operation must be one of CREATE, UPDATE, DELETE, CONNECT"),
                Arguments.of("create without object", review(REQUEST.replace(",\"object\":{\"kind\":\"Pod\"}", "")),
                        "request.object is missing; CREATE and UPDATE carry the object"),
                Arguments.of("too deep", "[".repeat(100_000), "request body is not valid JSON"),
                Arguments.of("deep object", review(REQUEST.replace("{\"kind\":\"Pod\"}", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))),
                        "request body is not valid JSON"));
    }

    private static String review(String request) {
        return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":" + request + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIs400NamingTheProblem(String name, String body, String message) throws Exception {
        HttpResponse<Buffer> r = webhook.post(body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
        JsonObject error = r.bodyAsJsonObject().getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("bad_request");
        assertThat(error.getString("message")).isEqualTo(message);
    }

    @Test
    void bodyOverEightMebibytesIs413() throws Exception {
        byte[] big = new byte[(8 << 20) + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<Buffer> r = webhook.post(big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("message")).isEqualTo("request body is larger than 8388608 bytes");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        var request = webhook.client.post(webhook.server.actualPort(), "localhost", AdmissionRoutes.PATH).putHeader("Transfer-Encoding", "chunked");
        io.vertx.core.streams.ReadStream<Buffer> stream = new ChunkStream(chunk, 10);
        HttpResponse<Buffer> r = request.sendStream(stream).await(20, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void aBodyJustUnderTheLimitIsParsed() throws Exception {
        String head = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u-big\",\"operation\":\"CREATE\","
                + "\"kind\":{\"kind\":\"ConfigMap\"},\"object\":{\"kind\":\"ConfigMap\",\"data\":{\"k\":\"";
        String tail = "\"}}}}";
        int fill = (8 << 20) - head.length() - tail.length();
        HttpResponse<Buffer> r = webhook.post((head + "x".repeat(fill) + tail).getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getJsonObject("response").getString("uid")).isEqualTo("u-big");
    }

    @Test
    void otherMethodsAndPathsAreClientErrors() throws Exception {
        HttpResponse<Buffer> get = webhook.client.request(HttpMethod.GET, webhook.server.actualPort(), "localhost", AdmissionRoutes.PATH)
                .send().await(20, TimeUnit.SECONDS);
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<Buffer> other = webhook.client.post(webhook.server.actualPort(), "localhost", "/mutate")
                .sendBuffer(Buffer.buffer("{}")).await(20, TimeUnit.SECONDS);
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void aScanOverItsBudgetGetsTheFailureVerdictInTime() throws Exception {
        String review = review("{\"uid\":\"u-slow\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"ConfigMap\"},\"object\":{\"kind\":\"ConfigMap\",\"data\":{"
                + "\"k0\":\"" + "password=abc ".repeat(100_000) + "\"}}}");
        for (AdmissionConfig.FailureVerdict verdict : AdmissionConfig.FailureVerdict.values()) {
            AdmissionConfig d = AdmissionConfig.defaults();
            AdmissionConfig config = new AdmissionConfig(d.port(), d.mode(), d.oldObjectFindings(), verdict, Duration.ofNanos(1),
                    d.maxBodyBytes(), Optional.empty(), Optional.empty(), d.exemptions());
            try (TestWebhook slow = new TestWebhook(vertx, dataDir, config)) {
                // The budget is 1 ns, so the verdict must come from the budget path; the generous timeout only catches a hang.
                HttpResponse<Buffer> r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> slow.post(review.getBytes(StandardCharsets.UTF_8)));
                assertThat(r.statusCode()).isEqualTo(200);
                JsonObject response = r.bodyAsJsonObject().getJsonObject("response");
                if (verdict == AdmissionConfig.FailureVerdict.DENY) {
                    assertThat(response.getBoolean("allowed")).isFalse();
                    assertThat(response.getJsonObject("status").getString("message")).contains("did not finish within its time budget");
                } else {
                    assertThat(response.getBoolean("allowed")).isTrue();
                    assertThat(response.getJsonArray("warnings").getString(0)).contains("time budget exceeded");
                }
            }
        }
    }
}
