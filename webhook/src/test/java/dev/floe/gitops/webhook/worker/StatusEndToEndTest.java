package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.Delivery;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
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
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real worker over the git http-backend fixture, wrapped with statuses, reporting to a recording GitHub: a pull
 * request's statuses per environment and its comment, then the merge's deploy statuses on the pushed head.
 */
class StatusEndToEndTest {

  private static final String SALES = "sales-analytics";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Delivery DELIVERY = new Delivery("events", 0, 0, 1, false);

  @TempDir Path tmp;
  WorkerFixture fx;
  WorkerService service;
  FakeProvider github;
  ExecutorService git = Executors.newSingleThreadExecutor();
  ExecutorService statuses = Executors.newSingleThreadExecutor();

  @BeforeEach
  void seed() throws Exception {
    fx = WorkerFixture.overHttp(tmp);
    fx.seed(SALES);
    service = fx.service(tmp.resolve("data"));
    github = new FakeProvider();
  }

  @AfterEach
  void close() {
    github.close();
    git.shutdownNow();
    statuses.shutdownNow();
    fx.close();
  }

  ReportingProcessor processor() {
    HttpStatusClient client = new HttpStatusClient(new HttpStatusClient.Target(github.baseUrl(), "acme/" + SALES,
        new GitHubApi()), HttpClient.newHttpClient(), () -> Optional.of("ghs_e2e_token_value"),
        RetryPolicy.defaults(WorkerFixture.CLOCK), d -> { }, new StatusDedupe(100), new LocalStatusLog("acme/" + SALES, 10));
    return new ReportingProcessor(new ReportingProcessor.Wiring(List.of(fx.repository(SALES)), service.worker()::handle,
        r -> client, env -> PreviewMode.of(Optional.empty(), env), ReportLinks.none(), new ReportStore(10), git,
        statuses, Duration.ofSeconds(10)));
  }

  List<String> statusLines() {
    return github.requests().stream().filter(r -> r.path().contains("/statuses/")).map(r -> {
      JsonNode b = JSON.readTree(r.body());
      return r.path().substring(r.path().lastIndexOf('/') + 1, r.path().lastIndexOf('/') + 8) + " "
          + b.path("context").asString() + " " + b.path("state").asString() + " " + b.path("description").asString();
    }).toList();
  }

  @Test
  void aPullRequestThenItsMergeReportThroughTheRealWorker() throws Exception {
    ReportingProcessor processor = processor();
    String initial = fx.head(SALES);
    processor.process(fx.push(SALES, "0".repeat(40), initial), DELIVERY).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    fx.work(SALES).run("checkout", "-q", "-b", "feature");
    String pr = fx.changeFloeOn(SALES, "pr", "refs/pull/7/head");
    EventRecord event = EventRecord.pullRequest(Provider.GITHUB, "pr-1", "acme/" + SALES, "x", "refs/heads/feature",
        pr, "main", 7, null, WorkerFixture.CLOCK.instant(), null);

    ProcessingOutcome outcome = processor.process(event, DELIVERY).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);

    assertThat(outcome).isInstanceOf(ProcessingOutcome.Done.class);
    String i7 = initial.substring(0, 7);
    String p7 = pr.substring(0, 7);
    List<String> lines = statusLines();
    assertThat(lines).hasSize(8);
    assertThat(lines.subList(0, 6)).containsExactly(
        i7 + " floe/deploy-dev pending floe-gitops is rendering",
        i7 + " floe/deploy-staging pending floe-gitops is rendering",
        i7 + " floe/deploy-dev success deployed " + fx.deployLog(SALES, "dev").get(0).substring(0, 7) + " to deploy/dev",
        i7 + " floe/deploy-staging success deployed " + fx.deployLog(SALES, "staging").get(0).substring(0, 7)
            + " to deploy/staging",
        p7 + " floe/dev pending floe-gitops is rendering",
        p7 + " floe/staging pending floe-gitops is rendering");
    // the count is the worker's (every rendered file carrying the changed attribute), not this test's to fix
    assertThat(lines.get(6)).matches(p7 + " floe/dev success compiles; \\d+ files? changes? on deploy/dev");
    assertThat(lines.get(7)).matches(p7 + " floe/staging success compiles; \\d+ files? changes? on deploy/staging");
    List<FakeProvider.Recorded> comments = github.requests().stream().filter(r -> r.path().contains("/comments"))
        .toList();
    assertThat(comments).extracting(FakeProvider.Recorded::method).containsExactly("GET", "POST");
    assertThat(comments.get(1).path()).isEqualTo("/repos/acme/" + SALES + "/issues/7/comments");
    assertThat(JSON.readTree(comments.get(1).body()).path("body").asString())
        .startsWith("<!-- floe-gitops:pr-preview -->").contains("| dev | compiles | 0 |", "| staging | compiles | 0 |",
            "<details><summary>dev: rendered diff against deploy/dev</summary>", "```diff\ndiff --git a/", "+++ b/",
            "revision");
    assertThat(github.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer ghs_e2e_token_value"));
  }
}
