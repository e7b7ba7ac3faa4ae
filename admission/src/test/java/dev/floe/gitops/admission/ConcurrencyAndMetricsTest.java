package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.floe.gitops.runtime.config.AdmissionConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** 1,000 reviews in flight at once are each answered correctly; the meters count them without object values. */
class ConcurrencyAndMetricsTest {

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

    static String review(String uid, String name, boolean leak) {
        String env = leak ? "{\"name\":\"DB_PASSWORD\",\"value\":\"adm-hunter2-Zq9\"}" : "{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}";
        return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"" + uid + "\",\"operation\":\"CREATE\","
                + "\"kind\":{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"},\"namespace\":\"shop\",\"name\":\"" + name + "\","
                + "\"object\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"shop\"},"
                + "\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"app:1\",\"env\":[" + env + "]}]}}}}}}";
    }

    @Test
    void aThousandConcurrentReviewsAreAllAnsweredCorrectly() throws Exception {
        List<Future<HttpResponse<Buffer>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            inFlight.add(webhook.client.post(webhook.server.actualPort(), "localhost", AdmissionRoutes.PATH)
                    .sendBuffer(Buffer.buffer(review("uid-" + i, "app-" + i, i % 3 == 0))));
        }
        Future.all(inFlight).await(60, TimeUnit.SECONDS);
        for (int i = 0; i < 1_000; i++) {
            HttpResponse<Buffer> r = inFlight.get(i).result();
            assertThat(r.statusCode()).isEqualTo(200);
            JsonObject response = r.bodyAsJsonObject().getJsonObject("response");
            assertThat(response.getString("uid")).isEqualTo("uid-" + i);
            assertThat(response.getBoolean("allowed")).isEqualTo(i % 3 != 0);
        }
    }

    @Test
    void metersCountByOperationKindAndDecisionAndNeverCarryObjectValues() throws Exception {
        webhook.post(review("m-1", "secret-name-in-metrics", true).getBytes());
        webhook.post(review("m-2", "another-name", false).getBytes());
        webhook.post("not json".getBytes());
        webhook.post(review("m-3", "x", true).replace("\"kind\":\"Deployment\"}", "\"kind\":\"Deploy ment{evil}\"}").getBytes());
        String scrape = webhook.registry.scrape();
        assertThat(scrape).contains("floe_admission_reviews_total{decision=\"deny\",kind=\"Deployment\",operation=\"CREATE\"}");
        assertThat(scrape).contains("floe_admission_reviews_total{decision=\"allow\",kind=\"Deployment\",operation=\"CREATE\"}");
        assertThat(scrape).contains("floe_admission_reviews_total{decision=\"bad_request\",kind=\"unknown\",operation=\"unknown\"}");
        assertThat(scrape).contains("kind=\"other\"");
        assertThat(scrape).contains("floe_admission_findings_total{rule=\"secret-named-key\"}");
        assertThat(scrape).contains("floe_admission_review_duration_seconds_bucket");
        assertThat(scrape).containsPattern("floe_admission_certificate_expiry_seconds \\d\\.\\d+E9");
        assertThat(scrape).doesNotContain("secret-name-in-metrics").doesNotContain("shop").doesNotContain("adm-hunter2").doesNotContain("evil");
    }
}
