package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.floe.gitops.runtime.lifecycle.ExitCode;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.service.RecordingEventProcessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * A running {@code serve} picks up a changed {@code repositories} without a restart, and keeps its
 * configuration when the new file is invalid (logging each problem with its key path).
 */
class ServeReloadTest {

  private static final String SALES_SECRET = "reload-sales-secret";
  private static final String INVENTORY_SECRET = "reload-inventory-secret";
  private static final AtomicInteger DELIVERIES = new AtomicInteger();

  @TempDir Path dir;

  @Test
  void aChangedRepositoriesListIsServedWithoutARestartAndAnInvalidFileIsRefused() throws Exception {
    Path config = dir.resolve("floe-gitops.yaml");
    Files.writeString(config, config(""));
    int port = freePort();
    RecordingEventProcessor recording = new RecordingEventProcessor(10);
    ServeCommand serve = new ServeCommand(recording.asFactory(), Map.of(
        "SALES_WEBHOOK_SECRET", SALES_SECRET, "INVENTORY_WEBHOOK_SECRET", INVENTORY_SECRET), "127.0.0.1");
    serve.reloadInterval = Duration.ofMillis(200);
    new CommandLine(serve).parseArgs("--config", config.toString(), "--port", Integer.toString(port),
        "--management-port", Integer.toString(freePort()), "--data-dir", dir.resolve("data").toString());
    StringWriter err = new StringWriter();
    ServeCommand.Start start = serve.start(new PrintWriter(err));
    assertThat(start).as(err.toString()).isInstanceOf(ServeCommand.Running.class);
    ServeCommand.Running running = (ServeCommand.Running) start;
    Logger reloader = (Logger) LoggerFactory.getLogger(ConfigReloader.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    reloader.addAppender(logs);
    try {
      assertThat(post(port, "acme/sales-analytics", SALES_SECRET)).isEqualTo(202);
      assertThat(post(port, "acme/inventory", INVENTORY_SECRET)).isNotEqualTo(202);

      Files.writeString(config, config("""
            - name: acme/inventory
              provider: gitbucket
              url: https://github.com/acme/inventory.git
              deploy: [{environment: dev, branch: main}]
          """));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (logs.list.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(logs.list).singleElement().satisfies(e ->
          assertThat(e.getFormattedMessage()).contains("invalid").contains("repositories[1].provider"));
      assertThat(post(port, "acme/inventory", INVENTORY_SECRET)).isNotEqualTo(202);
      assertThat(post(port, "acme/sales-analytics", SALES_SECRET)).isEqualTo(202);

      Files.writeString(config, config("""
            - name: acme/inventory
              provider: github
              url: https://github.com/acme/inventory.git
              webhookSecret: {secret_ref: inventory-webhook-secret}
              deploy: [{environment: dev, branch: main}]
          """));
      int status = 0;
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (status != 202 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        status = post(port, "acme/inventory", INVENTORY_SECRET);
      }
      assertThat(status).isEqualTo(202);
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (recording.recent().stream().noneMatch(e -> e.repository().equals("acme/inventory"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(recording.recent()).extracting(EventRecord::repository).contains("acme/inventory");
    } finally {
      reloader.detachAppender(logs);
      ExitCode exit = running.runtime().lifecycle().shutdown(ExitCode.OK).toCompletionStage()
          .toCompletableFuture().get(60, TimeUnit.SECONDS).exitCode();
      assertThat(exit).isEqualTo(ExitCode.OK);
    }
  }

  private String config(String moreRepositories) throws IOException {
    Path platform = Files.createDirectories(dir.resolve("platform/dev")).resolve("platform.yaml");
    if (!Files.exists(platform)) {
      Files.copy(repoRoot().resolve("platform/dev/platform.yaml"), platform);
    }
    return """
        profile: production
        environments:
          dev: {platform: %s}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: https://github.com/acme/sales-analytics.git
            webhookSecret: {secret_ref: sales-webhook-secret}
            deploy: [{environment: dev, branch: main}]
        """.formatted(platform) + moreRepositories;
  }

  private static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("platform/dev/platform.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no platform/dev/platform.yaml above the working directory");
  }

  private static int post(int port, String repository, String secret) throws Exception {
    byte[] body = ("{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(40)
        + "\",\"after\":\"9fceb02d0ae598e95dc970b74767f19372d61af8\","
        + "\"repository\":{\"full_name\":\"" + repository + "\"}}").getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/hooks/github"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "reload-" + DELIVERIES.incrementAndGet())
        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
