package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.runtime.config.BuiltinConfigScanner;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.lifecycle.ExitCode;
import dev.floe.gitops.runtime.lifecycle.ServiceRuntime;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.service.WebhookService;
import dev.floe.gitops.webhook.status.FakeProvider;
import dev.floe.gitops.webhook.status.GitHubApi;
import dev.floe.gitops.webhook.status.HttpStatusClient;
import dev.floe.gitops.webhook.status.LocalStatusLog;
import dev.floe.gitops.webhook.status.PreviewMode;
import dev.floe.gitops.webhook.status.ReportLinks;
import dev.floe.gitops.webhook.status.ReportStore;
import dev.floe.gitops.webhook.status.ReportingProcessor;
import dev.floe.gitops.webhook.status.RetryPolicy;
import dev.floe.gitops.webhook.status.StatusDedupe;
import io.vertx.core.Future;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end to end: a signed GitHub {@code pull_request} delivery POSTed over loopback HTTP to the real service
 * ({@link WebhookService}: receiver, publisher on a real Kafka broker, the consumer loop) whose worker is the real
 * deploy worker over git http-backend, wrapped with statuses that go to a recording GitHub. The host sees
 * {@code floe/<env>} pending then success per environment, and exactly one PR comment.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PullRequestWebhookStatusesTest {

  private static final String SALES = "sales-analytics";
  private static final String SECRET = "pr-webhook-e2e-secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  @Test
  void aSignedPullRequestWebhookEndsAsPendingThenSuccessStatusesAndOneComment(EmbeddedKafkaBroker broker)
      throws Exception {
    ExecutorService git = Executors.newFixedThreadPool(2);
    ExecutorService statuses = Executors.newSingleThreadExecutor();
    try (WorkerFixture fx = WorkerFixture.overHttp(tmp); FakeProvider github = new FakeProvider()) {
      fx.seed(SALES);
      WorkerService worker = fx.service(tmp.resolve("worker-data"));
      fx.work(SALES).run("checkout", "-q", "-b", "feature");
      String head = fx.changeFloeOn(SALES, "webhook", "refs/pull/12/head");
      HttpStatusClient client = new HttpStatusClient(new HttpStatusClient.Target(github.baseUrl(), "acme/" + SALES,
          new GitHubApi()), HttpClient.newHttpClient(), () -> Optional.of("ghs_webhook_e2e_token"),
          RetryPolicy.defaults(WorkerFixture.CLOCK), d -> { }, new StatusDedupe(100),
          new LocalStatusLog("acme/" + SALES, 10));
      int port = freePort();
      GitopsConfig config = config(tmp, fx, port, broker.bootstrapServers());
      ServiceRuntime runtime = ServiceRuntime.create(config, Map.of("SALES_WEBHOOK_SECRET", SECRET), "127.0.0.1");
      WebhookService.register(runtime, config, context -> new ReportingProcessor(new ReportingProcessor.Wiring(
          List.of(fx.repository(SALES)), worker.worker()::handle, r -> client,
          env -> PreviewMode.of(Optional.empty(), env), ReportLinks.none(), new ReportStore(10), git, statuses,
          Duration.ofSeconds(10))), "127.0.0.1");
      join(runtime.start());
      try {
        HttpResponse<String> answer = postPullRequest(port, head);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).contains("\"queued\"");
        await().atMost(Duration.ofSeconds(90)).until(() -> statusLines(github).stream()
            .filter(l -> l.contains(" success ")).count() == 2);
        String h7 = head.substring(0, 7);
        List<String> lines = statusLines(github);
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 2)).containsExactlyInAnyOrder(
            h7 + " floe/dev pending floe-gitops is rendering", h7 + " floe/staging pending floe-gitops is rendering");
        assertThat(lines.subList(2, 4)).anyMatch(l -> l.matches(h7 + " floe/dev success compiles; .* on deploy/dev"))
            .anyMatch(l -> l.matches(h7 + " floe/staging success compiles; .* on deploy/staging"));
        await().atMost(Duration.ofSeconds(30)).until(() -> comments(github).size() == 2);
        List<FakeProvider.Recorded> comments = comments(github);
        // the comment is looked for by its marker, then created once
        assertThat(comments).extracting(FakeProvider.Recorded::method).containsExactly("GET", "POST");
        assertThat(comments.get(1).path()).isEqualTo("/repos/acme/" + SALES + "/issues/12/comments");
        assertThat(JSON.readTree(comments.get(1).body()).path("body").asString())
            .startsWith("<!-- floe-gitops:pr-preview -->").contains("| dev | compiles |", "| staging | compiles |");
        assertThat(fx.deployLog(SALES, "dev")).as("a pull request deploys nothing").isEmpty();
      } finally {
        join(runtime.lifecycle().shutdown(ExitCode.OK));
      }
    } finally {
      git.shutdownNow();
      statuses.shutdownNow();
    }
  }

  private static List<String> statusLines(FakeProvider github) {
    return github.requests().stream().filter(r -> r.path().contains("/statuses/")).map(r -> {
      JsonNode b = JSON.readTree(r.body());
      String sha = r.path().substring(r.path().lastIndexOf('/') + 1);
      return sha.substring(0, 7) + " " + b.path("context").asString() + " " + b.path("state").asString() + " "
          + b.path("description").asString();
    }).toList();
  }

  private static List<FakeProvider.Recorded> comments(FakeProvider github) {
    return github.requests().stream().filter(r -> r.path().contains("/comments")).toList();
  }

  /** The service's configuration: the repository as the receiver serves it, the shared broker as its Kafka. */
  private static GitopsConfig config(Path dir, WorkerFixture fx, int port, String bootstrap) throws Exception {
    Path file = dir.resolve("floe-gitops.yaml");
    Files.writeString(file, """
        profile: production
        server: {port: %d}
        management: {port: %d}
        dataDir: %s
        kafka: {bootstrapServers: "%s"}
        environments:
          dev: {platform: %s}
          staging: {platform: %s}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: %s
            webhookSecret: {secret_ref: sales-webhook-secret}
            deploy:
              - {environment: dev, branch: main}
              - {environment: staging, branch: main}
        logging: {format: text, level: INFO}
        """.formatted(port, freePort(), dir.resolve("service-data"), bootstrap, fx.platforms.resolve("dev/platform.yaml"),
            fx.platforms.resolve("staging/platform.yaml"), fx.repository(SALES).url()));
    ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner())
        .load(Optional.of(file), Map.of(), Map.of(), dir);
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new IllegalStateException(invalid.report());
    }
    return ((ConfigLoadResult.Loaded) result).config();
  }

  /** What GitHub sends when pull request 12 is opened from branch feature into main, signed with the secret. */
  private static HttpResponse<String> postPullRequest(int port, String head) throws Exception {
    byte[] body = ("""
        {"action":"opened","number":12,
         "pull_request":{"head":{"sha":"%s","ref":"feature","repo":{"full_name":"acme/sales-analytics"}},
                         "base":{"ref":"main","repo":{"full_name":"acme/sales-analytics"}}},
         "repository":{"full_name":"acme/sales-analytics",
                       "clone_url":"https://github.com/acme/sales-analytics.git"}}
        """).formatted(head).getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/github"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", "pr-webhook-e2e-1")
        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static <T> T join(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
  }
}
