package dev.floe.gitops.webhook.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.lifecycle.ExitCode;
import dev.floe.gitops.runtime.lifecycle.ServiceRuntime;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on the embedded broker: events accepted while the worker is stuck stay queued
 * across a restart on the same data directory, and are all processed after it.
 */
class WebhookServiceRestartTest {

  static final String SECRET = "restart-test-secret";

  @TempDir Path dataDir;

  @Test
  void eventsStillQueuedAtShutdownAreAllProcessedAfterTheRestart() throws Exception {
    int port = freePort();
    int management = freePort();
    GitopsConfig config = config(dataDir, port, management);
    Map<String, String> env = Map.of("SALES_WEBHOOK_SECRET", SECRET);

    // First life: the worker never finishes, so nothing is committed.
    ServiceRuntime first = ServiceRuntime.create(config, env, "127.0.0.1");
    WebhookService.register(first, config, context -> (event, delivery) ->
        Promise.<ProcessingOutcome>promise().future(), "127.0.0.1");
    await(first.start());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add("restart-" + i);
      HttpResponse<String> answer = postPush(port, "restart-" + i, i);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }
    assertThat(await(first.lifecycle().shutdown(ExitCode.OK)).exitCode()).isEqualTo(ExitCode.OK);

    // Second life on the same data directory: the same broker log, the same worker identity.
    RecordingEventProcessor recording = new RecordingEventProcessor(100);
    ServiceRuntime second = ServiceRuntime.create(config, env, "127.0.0.1");
    WebhookService.register(second, config, recording.asFactory(), "127.0.0.1");
    await(second.start());
    try {
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> recording.recent().size() >= ids.size());
      assertThat(recording.recent()).extracting(EventRecord::deliveryId).containsExactlyElementsOf(ids);
    } finally {
      await(second.lifecycle().shutdown(ExitCode.OK));
    }
  }

  static GitopsConfig config(Path dataDir, int port, int management) throws IOException {
    Path file = dataDir.resolve("floe-gitops.yaml");
    Files.writeString(file, """
        profile: production
        server: {port: %d}
        management: {port: %d}
        dataDir: %s
        kafka: {}
        environments:
          dev: {platform: platform/dev/platform.yaml}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: https://github.com/acme/sales-analytics.git
            webhookSecret: {secret_ref: sales-webhook-secret}
            deploy:
              - {environment: dev, branch: main}
        logging: {format: text, level: INFO}
        shutdown: {gracePeriod: 4s}   # the first life's never-ending event waits out half of it
        """.formatted(port, management, dataDir.resolve("data")));
    ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner())
        .load(Optional.of(file), Map.of(), Map.of(), dataDir);
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new IllegalStateException(invalid.report());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }

  static HttpResponse<String> postPush(int port, String delivery, int seq) throws Exception {
    byte[] body = ("{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(40) + "\",\"after\":\""
        + String.format("%040x", seq + 1) + "\",\"repository\":{\"full_name\":\"acme/sales-analytics\"}}")
        .getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/github"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
