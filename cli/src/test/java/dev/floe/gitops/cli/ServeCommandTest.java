package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code floe-gitops serve} in-process, with the configuration example of docs/configuration.md as written. */
class ServeCommandTest {

  private static final String SECRET = "serve-test-webhook-secret";

  @TempDir Path dir;

  @Test
  void aSignedGitHubPushReachesTheWorker() throws Exception {
    Path config = dir.resolve("floe-gitops.yaml");
    Files.writeString(config, documentedExample());
    int port = freePort();
    int management = freePort();
    RecordingEventProcessor recording = new RecordingEventProcessor(10);
    // sales-webhook-secret resolves from SALES_WEBHOOK_SECRET (SPEC §9).
    ServeCommand serve = new ServeCommand(recording.asFactory(),
        Map.of("SALES_WEBHOOK_SECRET", SECRET), "127.0.0.1");
    new CommandLine(serve).parseArgs("--config", config.toString(), "--port", Integer.toString(port),
        "--management-port", Integer.toString(management), "--data-dir", dir.resolve("data").toString());
    StringWriter err = new StringWriter();

    ServeCommand.Start start = serve.start(new PrintWriter(err));

    assertThat(start).as(err.toString()).isInstanceOf(ServeCommand.Running.class);
    ServeCommand.Running running = (ServeCommand.Running) start;
    try {
      HttpResponse<String> answer = postPush(port, "serve-delivery-1");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      assertThat(answer.body()).contains("\"status\":\"queued\"");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (recording.recent().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      List<EventRecord> seen = recording.recent();
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).deliveryId()).isEqualTo("serve-delivery-1");
      assertThat(seen.get(0).repository()).isEqualTo("acme/sales-analytics");
      assertThat(seen.get(0).cloneUrl()).isEqualTo("https://github.com/acme/sales-analytics.git");
      assertThat(get(management, "/readyz").statusCode()).isEqualTo(200);
      // report pages share the traffic port; with no reports.signingKey no link can be valid
      assertThat(get(port, "/reports/acme/sales-analytics/" + "a".repeat(40) + "/dev?expires=1&token=x").statusCode())
          .isEqualTo(403);
      assertThat(get(management, "/metrics").body())
          .contains("floe_webhook_requests_total{provider=\"github\",status=\"202\"} 1.0");
    } finally {
      ExitCode exit = running.runtime().lifecycle().shutdown(ExitCode.OK).toCompletionStage()
          .toCompletableFuture().get(60, TimeUnit.SECONDS).exitCode();
      assertThat(exit).isEqualTo(ExitCode.OK);
    }
  }

  @Test
  void aBadConfigurationExits2NamingTheKeyPath() throws IOException {
    Path config = dir.resolve("floe-gitops.yaml");
    Files.writeString(config, """
        profile: production
        server: {port: 99999}
        environments: {dev: {platform: platform/dev/platform.yaml}}
        repositories:
          - {name: acme/sales-analytics, provider: github, url: https://github.com/acme/sales-analytics.git,
             deploy: [{environment: dev, branch: main}]}
        """);
    StringWriter err = new StringWriter();
    CommandLine cl = FloeGitops.newCommandLine();
    cl.setErr(new PrintWriter(err));

    int exit = cl.execute("serve", "--config", config.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("server.port").contains("repositories[0].webhookSecret");
  }

  @Test
  void aMissingConfigFileExits2() {
    StringWriter err = new StringWriter();
    CommandLine cl = FloeGitops.newCommandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("serve", "--config", dir.resolve("absent.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("config file not found");
  }

  /** The yaml block under "## Example" in docs/configuration.md, unchanged. */
  private static String documentedExample() throws IOException {
    Path docs = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("docs/configuration.md"))) {
        docs = p.resolve("docs/configuration.md");
        break;
      }
    }
    assertThat(docs).as("docs/configuration.md above the working directory").isNotNull();
    String text = Files.readString(docs);
    int example = text.indexOf("## Example");
    int start = text.indexOf("```yaml\n", example) + "```yaml\n".length();
    return text.substring(start, text.indexOf("```", start));
  }

  private static HttpResponse<String> postPush(int port, String delivery) throws Exception {
    byte[] body = ("{\"ref\":\"refs/heads/main\",\"before\":\"" + "0".repeat(40)
        + "\",\"after\":\"9fceb02d0ae598e95dc970b74767f19372d61af8\","
        + "\"repository\":{\"full_name\":\"acme/sales-analytics\"}}").getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/hooks/github"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
