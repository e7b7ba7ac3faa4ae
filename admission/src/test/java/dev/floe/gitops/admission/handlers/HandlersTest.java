package dev.floe.gitops.admission.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.gitops.admission.AdmissionMetrics;
import dev.floe.gitops.admission.Exemptions;
import dev.floe.gitops.admission.ReviewParser;
import dev.floe.gitops.admission.ReviewResponses;
import dev.floe.gitops.admission.ReviewScanner;
import dev.floe.gitops.admission.VerdictPolicy;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import dev.floe.gitops.runtime.config.AdmissionExemption;
import dev.floe.gitops.runtime.http.BodyLimit;
import dev.floe.gitops.runtime.http.ErrorMapping;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** Each handler of the chain on its own, over plain HTTP: one concern, one test. */
class HandlersTest {

    private static final String REVIEW = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"h-1\","
            + "\"operation\":\"CREATE\",\"namespace\":\"legacy\",\"name\":\"billing-api\",\"kind\":{\"kind\":\"Pod\"},\"object\":{\"kind\":\"Pod\","
            + "\"spec\":{\"containers\":[{\"name\":\"a\",\"env\":[{\"name\":\"DB_PASSWORD\",\"value\":\"adm-hunter2-Zq9\"}]}]}}}}";

    Vertx vertx;
    WebClient client;
    HttpServer server;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AdmissionMetrics metrics = new AdmissionMetrics(registry);

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @SafeVarargs
    private HttpResponse<Buffer> post(String body, Handler<RoutingContext>... chain) throws Exception {
        Router router = ErrorMapping.install(Router.router(vertx));
        var route = router.post("/validate");
        for (Handler<RoutingContext> h : chain) route.handler(h);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return client.post(server.actualPort(), "127.0.0.1", "/validate").sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    }

    @Test
    void recordMetricsCountsAnswersThatNeverReachAVerdict() throws Exception {
        HttpResponse<Buffer> r = post("nope", new RecordMetrics(metrics, System::nanoTime), BodyLimit.of(1024), new ParseReview(new ReviewParser()));
        assertThat(r.statusCode()).isEqualTo(400);
        Thread.sleep(100); // the end handler runs after the response is written
        assertThat(registry.get(AdmissionMetrics.REVIEWS).tag("decision", "bad_request").counter().count()).isEqualTo(1.0);
        assertThat(RecordMetrics.label(413)).isEqualTo("too_large");
    }

    @Test
    void parseReviewHandsTheRequestOn() throws Exception {
        HttpResponse<Buffer> r = post(REVIEW, BodyLimit.of(1 << 20), new ParseReview(new ReviewParser()),
                ctx -> ctx.response().end(ReviewContext.request(ctx).uid() + " " + ReviewContext.request(ctx).namespace()));
        assertThat(r.bodyAsString()).isEqualTo("h-1 legacy");
    }

    @Test
    void applyExemptionsLooksUpTheScopeByNamespaceAndName() throws Exception {
        Exemptions exemptions = new Exemptions(List.of(new AdmissionExemption(List.of("legacy"), List.of("billing-*"), List.of("secret-named-key"), "BILL-1")));
        HttpResponse<Buffer> r = post(REVIEW, BodyLimit.of(1 << 20), new ParseReview(new ReviewParser()), new ApplyExemptions(exemptions),
                ctx -> ctx.response().end(String.join(",", ReviewContext.exemptions(ctx).rules()) + " " + ReviewContext.exemptions(ctx).reasons()));
        assertThat(r.bodyAsString()).isEqualTo("secret-named-key [BILL-1]");
    }

    @Test
    void decideVerdictAnswersAFailingScanWithTheFailureVerdictNotA500() throws Exception {
        ReviewScanner broken = new ReviewScanner(PolicyEngine.defaults(), Duration.ofSeconds(2), () -> {
            throw new IllegalStateException("clock broke");
        });
        AdmissionConfig config = AdmissionConfig.defaults();
        HttpResponse<Buffer> r = post(REVIEW, BodyLimit.of(1 << 20), new ParseReview(new ReviewParser()),
                new DecideVerdict(broken, new VerdictPolicy(config), config.failureVerdict(), new ReviewResponses(), metrics));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject().getJsonObject("response").getBoolean("allowed")).isFalse();
        assertThat(r.bodyAsJsonObject().getJsonObject("response").getString("uid")).isEqualTo("h-1");
    }
}
