package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.Delivery;
import dev.floe.gitops.webhook.queue.ProcessingOutcome;
import dev.floe.gitops.webhook.worker.DeployOutcome;
import dev.floe.gitops.webhook.worker.DeployWorker;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The worker's outcomes become statuses and one comment on a recording GitHub. */
class ReportingProcessorTest {

  static final String HEAD = "c".repeat(40);
  static final Delivery DELIVERY = new Delivery("t", 0, 0, 1, false);

  FakeProvider host;
  ExecutorService git = Executors.newSingleThreadExecutor();
  ExecutorService statuses = Executors.newSingleThreadExecutor();
  ReportStore reports = new ReportStore(10);

  static final RepositoryConfig REPO = new RepositoryConfig("acme/sales", GitProvider.GITHUB,
      "https://github.com/acme/sales.git", Optional.empty(),
      List.of(new DeployTarget("dev", new DeployTarget.Branch("main"), "deploy/dev", "https://github.com/acme/sales.git"),
          new DeployTarget("prod", new DeployTarget.Branch("main"), "deploy/prod", "https://github.com/acme/sales.git")),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  @BeforeEach
  void start() throws Exception {
    host = new FakeProvider();
  }

  @AfterEach
  void stop() {
    host.close();
    git.shutdownNow();
    statuses.shutdownNow();
  }

  ReportingProcessor processor(Function<EventRecord, DeployWorker.EventResult> worker) {
    HttpStatusClient client = new HttpStatusClient(new HttpStatusClient.Target(host.baseUrl(), "acme/sales",
        new GitHubApi()), HttpClient.newHttpClient(), () -> Optional.of("tok-123456789"),
        RetryPolicy.defaults(GitHubStatusClientTest.CLOCK), d -> { }, new StatusDedupe(100),
        new LocalStatusLog("acme/sales", 10));
    return new ReportingProcessor(new ReportingProcessor.Wiring(List.of(REPO), worker, r -> client,
        env -> PreviewMode.of(Optional.empty(), env), ReportLinks.none(), reports, git, statuses,
        Duration.ofSeconds(10)));
  }

  static EventRecord pr() {
    return EventRecord.pullRequest(Provider.GITHUB, "d-1", "acme/sales", "https://github.com/acme/sales.git",
        "feature", HEAD, "main", 12, null, Instant.parse("2026-11-29T06:00:00Z"), null);
  }

  List<JsonNode> statusBodies() {
    List<JsonNode> out = new ArrayList<>();
    host.requests().stream().filter(r -> r.path().contains("/statuses/")).forEach(r -> out.add(Json.read(r.body())));
    return out;
  }

  @Test
  void aPullRequestGoesPendingThenSuccessOrFailurePerEnvironmentWithOneComment() throws Exception {
    host.answer(FakeProvider.Answer.of(201, "{}"), FakeProvider.Answer.of(201, "{}"));
    ProcessingOutcome outcome = processor(e -> new DeployWorker.EventResult(Map.of(
        "dev", new DeployOutcome.Previewed(ObjectId.fromString(HEAD), 3),
        "prod", new DeployOutcome.Invalid(List.of("floe.yaml:14:7: unknown compute profile 'fast'"))), null))
        .process(pr(), DELIVERY).toCompletionStage().toCompletableFuture().get();

    assertThat(outcome).isInstanceOf(ProcessingOutcome.Done.class);
    List<JsonNode> bodies = statusBodies();
    assertThat(bodies).extracting(b -> b.path("context").asString() + " " + b.path("state").asString())
        .containsExactly("floe/dev pending", "floe/prod pending", "floe/dev success", "floe/prod failure");
    assertThat(bodies.get(2).path("description").asString()).isEqualTo("compiles; 3 files change on deploy/dev");
    assertThat(bodies.get(3).path("description").asString()).isEqualTo("floe.yaml:14:7: unknown compute profile 'fast'");
    assertThat(host.requests()).filteredOn(r -> r.path().contains("/comments")).extracting(FakeProvider.Recorded::method)
        .containsExactly("GET", "POST");
    String comment = Json.read(host.requests().get(host.requests().size() - 1).body()).path("body").asString();
    assertThat(comment).startsWith(CommentRenderer.MARKER).contains("| dev | compiles | 0 | 3 | 0 |", "| prod | fails");
    assertThat(reports.get(ReportLinks.path("acme/sales", HEAD, "prod"))).isPresent();
  }

  @Test
  void aPlatformPullRequestGetsOnePlatformStatusPerChangedEnvironmentAndARowPerRepository() throws Exception {
    RepositoryConfig platform = new RepositoryConfig("acme/platform", GitProvider.GITHUB,
        "https://github.com/acme/platform.git", Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
    HttpStatusClient client = new HttpStatusClient(new HttpStatusClient.Target(host.baseUrl(), "acme/platform",
        new GitHubApi()), HttpClient.newHttpClient(), () -> Optional.of("tok-123456789"),
        RetryPolicy.defaults(GitHubStatusClientTest.CLOCK), d -> { }, new StatusDedupe(100),
        new LocalStatusLog("acme/platform", 10));
    var dev = new java.util.LinkedHashMap<String, DeployOutcome>();
    dev.put("acme/sales", new DeployOutcome.Previewed(ObjectId.fromString(HEAD), 2));
    var prod = new java.util.LinkedHashMap<String, DeployOutcome>();
    prod.put("acme/sales", new DeployOutcome.Invalid(List.of("floe.yaml:10:12: unknown compute profile 'default'")));
    ReportingProcessor processor = new ReportingProcessor(new ReportingProcessor.Wiring(List.of(REPO, platform),
        e -> new DeployWorker.EventResult(Map.of(), null, Map.of("dev", dev, "prod", prod)), r -> client,
        env -> PreviewMode.of(Optional.empty(), env), ReportLinks.none(), reports, git, statuses, Duration.ofSeconds(10)));
    host.answer(FakeProvider.Answer.of(201, "{}"), FakeProvider.Answer.of(201, "{}"));
    EventRecord pr = EventRecord.pullRequest(Provider.GITHUB, "d-p", "acme/platform",
        "https://github.com/acme/platform.git", "tune", HEAD, "main", 4, null, Instant.parse("2026-11-29T06:00:00Z"), null);

    ProcessingOutcome outcome = processor.process(pr, DELIVERY).toCompletionStage().toCompletableFuture().get();

    assertThat(outcome).isInstanceOf(ProcessingOutcome.Done.class);
    assertThat(statusBodies()).extracting(b -> b.path("context").asString() + " " + b.path("state").asString() + " "
        + b.path("description").asString()).containsExactlyInAnyOrder(
            "floe/platform-dev success 1 repository compiles; 1 would change (2 files)",
            "floe/platform-prod failure 1 of 1 repositories fail; first acme/sales: floe.yaml:10:12: unknown compute profile 'default'");
    String comment = Json.read(host.requests().get(host.requests().size() - 1).body()).path("body").asString();
    assertThat(comment).startsWith(CommentRenderer.MARKER).contains("dev · acme/sales", "prod · acme/sales");
  }

  @Test
  void anAbbreviatedHeadGetsItsStatusesOnTheIdTheWorkerResolvedAndNoPendingBefore() throws Exception {
    EventRecord abbreviated = EventRecord.pullRequest(Provider.GITHUB, "d-a", "acme/sales",
        "https://github.com/acme/sales.git", "feature", HEAD.substring(0, 12), "main", 13, null,
        Instant.parse("2026-11-29T06:00:00Z"), null);
    host.answer(FakeProvider.Answer.of(201, "{}"), FakeProvider.Answer.of(201, "{}"));

    processor(e -> new DeployWorker.EventResult(Map.of(
        "dev", new DeployOutcome.Previewed(ObjectId.fromString(HEAD), 1),
        "prod", new DeployOutcome.Previewed(ObjectId.fromString(HEAD), 1)), null, Map.of(), Optional.of(HEAD)))
        .process(abbreviated, DELIVERY).toCompletionStage().toCompletableFuture().get();

    assertThat(statusBodies()).extracting(b -> b.path("context").asString() + " " + b.path("state").asString())
        .containsExactly("floe/dev success", "floe/prod success");
    assertThat(host.requests()).filteredOn(r -> r.path().contains("/statuses/"))
        .allSatisfy(r -> assertThat(r.path()).endsWith("/statuses/" + HEAD));
  }

  @Test
  void aMergeReportsTheDeployCommitOnThePushedHead() throws Exception {
    EventRecord push = EventRecord.push(Provider.GITHUB, "d-2", "acme/sales", "https://github.com/acme/sales.git",
        "refs/heads/main", "0".repeat(40), HEAD, Instant.parse("2026-11-29T06:00:00Z"), null);
    ObjectId deployCommit = ObjectId.fromString("abcdef0123456789abcdef0123456789abcdef01");
    processor(e -> new DeployWorker.EventResult(Map.of("dev", new DeployOutcome.Deployed(deployCommit,
        ObjectId.fromString(HEAD)), "prod", new DeployOutcome.Gated(List.of("ci/image"))), null))
        .process(push, DELIVERY).toCompletionStage().toCompletableFuture().get();

    List<JsonNode> bodies = statusBodies();
    assertThat(bodies).extracting(b -> b.path("context").asString() + " " + b.path("state").asString() + " "
        + b.path("description").asString()).containsExactly(
            "floe/deploy-dev pending floe-gitops is rendering",
            "floe/deploy-prod pending floe-gitops is rendering",
            "floe/deploy-dev success deployed abcdef0 to deploy/dev",
            "floe/deploy-prod pending waiting for ci/image");
    assertThat(host.requests()).allSatisfy(r -> assertThat(r.path()).contains("/statuses/" + HEAD));
  }

  @Test
  void aHostThatIsDownNeverChangesTheQueueOutcome() throws Exception {
    for (int i = 0; i < 20; i++) {
      host.answer(FakeProvider.Answer.of(502, ""));
    }
    ProcessingOutcome outcome = processor(e -> new DeployWorker.EventResult(Map.of(
        "dev", new DeployOutcome.Transient("host unreachable")), null))
        .process(pr(), DELIVERY).toCompletionStage().toCompletableFuture().get();

    assertThat(outcome).isInstanceOf(ProcessingOutcome.Retry.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> host.requests().size() >= 4);
  }

  @Test
  void aDeadLetteredPushFailsOnlyTheEnvironmentsItLeftOpen() throws Exception {
    EventRecord push = EventRecord.push(Provider.GITHUB, "d-3", "acme/sales", "https://github.com/acme/sales.git",
        "refs/heads/main", "0".repeat(40), HEAD, Instant.parse("2026-11-29T06:00:00Z"), null);
    ReportingProcessor processor = processor(e -> new DeployWorker.EventResult(Map.of(
        "dev", new DeployOutcome.Deployed(ObjectId.fromString("abcdef0123456789abcdef0123456789abcdef01"),
            ObjectId.fromString(HEAD)),
        "prod", new DeployOutcome.Transient("failed to fetch: acme/sales: connection refused")), null));
    ProcessingOutcome outcome = processor.process(push, DELIVERY).toCompletionStage().toCompletableFuture().get();
    assertThat(outcome).isInstanceOf(ProcessingOutcome.Retry.class);

    processor.deadLettered(push, "gave up after 5 attempts: prod: failed to fetch: acme/sales: connection refused")
        .toCompletionStage().toCompletableFuture().get();

    List<JsonNode> bodies = statusBodies();
    assertThat(bodies.subList(4, bodies.size())).extracting(b -> b.path("context").asString() + " "
        + b.path("state").asString() + " " + b.path("description").asString()).containsExactly(
            "floe/deploy-prod failure dead-lettered; fix the cause, then floe-gitops dlq replay: gave up after 5 "
                + "attempts: prod: failed to fetch: acme/sales: connection refused");
    assertThat(bodies.get(2).path("state").asString()).isEqualTo("success");
    assertThat(reports.get(ReportLinks.path("acme/sales", HEAD, "prod")).orElseThrow().verdict())
        .startsWith("failure: dead-lettered");
  }

  @Test
  void aDeadLetteredEventTheWorkerNeverFinishedFailsEveryEnvironment() throws Exception {
    ReportingProcessor processor = processor(e -> {
      throw new IllegalStateException("worker crashed");
    });

    processor.deadLettered(pr(), "gave up after 5 attempts: processor failed: java.lang.IllegalStateException")
        .toCompletionStage().toCompletableFuture().get();

    assertThat(statusBodies()).extracting(b -> b.path("context").asString() + " " + b.path("state").asString())
        .containsExactly("floe/dev failure", "floe/prod failure");
    assertThat(statusBodies()).allSatisfy(b -> assertThat(b.path("description").asString())
        .startsWith("dead-lettered; fix the cause, then floe-gitops dlq replay:"));
  }
}
