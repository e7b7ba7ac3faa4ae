package dev.floe.gitops.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.floe.gitops.runtime.config.AdmissionConfig;
import dev.floe.gitops.runtime.config.AdmissionExemption;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden fixtures: {@code reviews/<case>/request.json} (an AdmissionReview, optionally with the server's
 * {@code config.json}) in, {@code expected.json} out, over real HTTPS. Regenerate the expectations with
 * {@code -Dgolden.update=true} and read the diff before committing. No response may contain a raw secret.
 */
class GoldenReviewsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path ROOT = Path.of("src/test/resources/reviews");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir static Path dataDir;
    static Vertx vertx;
    static final Map<String, TestWebhook> servers = new HashMap<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        for (TestWebhook w : servers.values()) w.close();
        vertx.close().await();
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void thereAreAtLeastFortyCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
    }

    @TestFactory
    List<DynamicTest> everyCase() throws IOException {
        List<String> secrets = Files.readAllLines(ROOT.resolve("secrets.txt")).stream().filter(l -> !l.isBlank()).toList();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : cases()) {
            tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                String configText = Files.exists(dir.resolve("config.json")) ? Files.readString(dir.resolve("config.json")) : "{}";
                TestWebhook webhook = server(configText);
                byte[] request = Files.readAllBytes(dir.resolve("request.json"));
                HttpResponse<Buffer> response = webhook.post(request);
                String body = response.bodyAsString();
                assertThat(response.statusCode()).as(body).isEqualTo(200);
                for (String secret : secrets) assertThat(body).as("a raw secret leaked into the response").doesNotContain(secret);
                JsonNode actual = JSON.readTree(body);
                JsonNode sent = JSON.readTree(request);
                assertThat(actual.path("response").path("uid").asString()).isEqualTo(sent.path("request").path("uid").asString());
                assertThat(actual.path("apiVersion").asString()).isEqualTo(sent.path("apiVersion").asString());
                assertThat(actual.path("kind").asString()).isEqualTo("AdmissionReview");
                for (JsonNode w : actual.path("response").path("warnings")) assertThat(w.asString().length()).isLessThan(120);
                String name = dir.getFileName().toString();
                if (name.startsWith("deny-")) assertThat(actual.path("response").path("allowed").asBoolean()).isFalse();
                if (name.startsWith("allow-") || name.startsWith("warn-")) assertThat(actual.path("response").path("allowed").asBoolean()).isTrue();
                if (name.startsWith("warn-")) assertThat(actual.path("response").path("warnings")).isNotEmpty();
                Path expectedFile = dir.resolve("expected.json");
                if (UPDATE || !Files.exists(expectedFile)) {
                    Files.writeString(expectedFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
                }
                assertThat(actual).isEqualTo(JSON.readTree(Files.readString(expectedFile)));
            }));
        }
        return tests;
    }

    private static TestWebhook server(String configText) throws Exception {
        TestWebhook existing = servers.get(configText);
        if (existing != null) return existing;
        TestWebhook created = new TestWebhook(vertx, dataDir, config(JSON.readTree(configText)));
        servers.put(configText, created);
        return created;
    }

    /** The subset of the admission section a fixture may set. */
    static AdmissionConfig config(JsonNode c) {
        AdmissionConfig d = AdmissionConfig.defaults();
        List<AdmissionExemption> exemptions = new ArrayList<>();
        for (JsonNode e : c.path("exemptions")) {
            exemptions.add(new AdmissionExemption(strings(e.path("namespaces")), strings(e.path("names")), strings(e.path("rules")),
                    e.path("reason").asString()));
        }
        return new AdmissionConfig(d.port(),
                c.has("mode") ? AdmissionConfig.Mode.valueOf(c.get("mode").asString().toUpperCase()) : d.mode(),
                c.has("oldObjectFindings") ? AdmissionConfig.OldObjectFindings.valueOf(c.get("oldObjectFindings").asString().toUpperCase()) : d.oldObjectFindings(),
                c.has("failureVerdict") ? AdmissionConfig.FailureVerdict.valueOf(c.get("failureVerdict").asString().toUpperCase()) : d.failureVerdict(),
                c.has("scanBudget") ? Duration.parse(c.get("scanBudget").asString()) : d.scanBudget(),
                d.maxBodyBytes(), Optional.empty(), Optional.empty(), exemptions);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asString());
        return out;
    }
}
