package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

class GitHubStatusClientTest {

  static final String TOKEN = "ghs_test0123456789abcdefSECRET";
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T06:00:00Z"), ZoneOffset.UTC);

  FakeProvider host;
  List<Duration> slept = new ArrayList<>();
  ListAppender<ILoggingEvent> logs = new ListAppender<>();
  Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void start() throws Exception {
    host = new FakeProvider();
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    root.detachAppender(logs);
    host.close();
  }

  HttpStatusClient client(Optional<String> token) {
    return new HttpStatusClient(new HttpStatusClient.Target(host.baseUrl() + "/api/v3", "acme/sales", new GitHubApi()),
        HttpClient.newHttpClient(), () -> token, RetryPolicy.defaults(CLOCK), slept::add, new StatusDedupe(100),
        new LocalStatusLog("acme/sales", 10));
  }

  static CommitStatus status(StatusState state, String description) {
    return new CommitStatus(SHA, "floe/dev", state, description, Optional.of("https://floe.example/reports/x"));
  }

  @Test
  void postsAStatusAsGitHubDocumentsIt() {
    PostResult r = client(Optional.of(TOKEN)).post(status(StatusState.SUCCESS, "compiles; 3 files change on deploy/dev"));

    assertThat(r).isInstanceOf(PostResult.Posted.class);
    FakeProvider.Recorded req = host.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.path()).isEqualTo("/api/v3/repos/acme/sales/statuses/" + SHA);
    assertThat(req.header("Accept")).isEqualTo("application/vnd.github+json");
    assertThat(req.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
    assertThat(req.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(req.header("User-Agent")).isEqualTo("floe-gitops");
    JsonNode body = Json.read(req.body());
    assertThat(body.path("state").asString()).isEqualTo("success");
    assertThat(body.path("context").asString()).isEqualTo("floe/dev");
    assertThat(body.path("description").asString()).isEqualTo("compiles; 3 files change on deploy/dev");
    assertThat(body.path("target_url").asString()).isEqualTo("https://floe.example/reports/x");
  }

  @Test
  void cutsTheDescriptionToGitHubsLimit() {
    client(Optional.of(TOKEN)).post(status(StatusState.FAILURE, "floe.yaml:14:7: " + "x".repeat(300)));

    String description = Json.read(host.requests().get(0).body()).path("description").asString();
    assertThat(description).hasSize(140).endsWith("\u2026");
  }

  @Test
  void retriesA429AfterTheRetryAfterSecondsAndA502WithBackoff() {
    host.answer(new FakeProvider.Answer(429, "{}", Map.of("Retry-After", "7")), FakeProvider.Answer.of(502, ""));

    PostResult r = client(Optional.of(TOKEN)).post(status(StatusState.PENDING, "floe-gitops is rendering"));

    assertThat(r).isInstanceOf(PostResult.Posted.class);
    assertThat(host.requests()).hasSize(3);
    assertThat(slept).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2));
  }

  @Test
  void honoursGitHubsRateLimitReset() {
    long reset = CLOCK.instant().plusSeconds(42).getEpochSecond();
    host.answer(new FakeProvider.Answer(403 + 26, "{}", Map.of("x-ratelimit-remaining", "0",
        "x-ratelimit-reset", Long.toString(reset))));

    client(Optional.of(TOKEN)).post(status(StatusState.PENDING, "rendering"));

    assertThat(slept).containsExactly(Duration.ofSeconds(42));
  }

  @Test
  void givesUpAfterTheLastAttemptAndSaysWhyWithoutTheToken() {
    for (int i = 0; i < 4; i++) {
      host.answer(FakeProvider.Answer.of(502, "bad gateway"));
    }

    PostResult r = client(Optional.of(TOKEN)).post(status(StatusState.SUCCESS, "ok"));

    assertThat(r).isInstanceOfSatisfying(PostResult.Failed.class, f -> {
      assertThat(f.httpStatus()).isEqualTo(502);
      assertThat(f.reason()).contains("HTTP 502").doesNotContain(TOKEN);
    });
    assertThat(host.requests()).hasSize(4);
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("not posted"));
    assertThat(logs.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(TOKEN));
  }

  @Test
  void clientErrorsAreNotRetried() {
    for (int status : new int[] {401, 403, 404, 422}) {
      host.answer(FakeProvider.Answer.of(status, "{\"message\":\"no\"}"));
      PostResult r = client(Optional.of(TOKEN)).post(status(StatusState.SUCCESS, "state " + status));
      assertThat(r).isInstanceOfSatisfying(PostResult.Failed.class, f -> assertThat(f.httpStatus()).isEqualTo(status));
    }
    assertThat(host.requests()).hasSize(4);
    assertThat(slept).isEmpty();
  }

  @Test
  void theSameStateIsPostedOncePerProcessButAFailedOneAgain() {
    HttpStatusClient c = client(Optional.of(TOKEN));
    c.post(status(StatusState.SUCCESS, "ok"));
    assertThat(c.post(status(StatusState.SUCCESS, "ok"))).isInstanceOf(PostResult.Duplicate.class);
    host.answer(FakeProvider.Answer.of(422, "{}"));
    c.post(status(StatusState.FAILURE, "bad"));
    c.post(status(StatusState.FAILURE, "bad"));

    assertThat(host.requests()).hasSize(3);
  }

  @Test
  void createsTheCommentOnceThenUpdatesItInPlace() {
    HttpStatusClient c = client(Optional.of(TOKEN));
    host.answer(FakeProvider.Answer.of(200, "[{\"id\": 5, \"body\": \"lgtm\"}]"), FakeProvider.Answer.of(201, "{\"id\": 99}"));
    PostResult created = c.upsertComment(12, CommentRenderer.MARKER + "\nfirst");

    host.answer(FakeProvider.Answer.of(200, "[{\"id\": 5, \"body\": \"lgtm\"}, {\"id\": 99, \"body\": \""
        + CommentRenderer.MARKER + "\\nfirst\"}]"), FakeProvider.Answer.of(200, "{\"id\": 99}"));
    PostResult updated = c.upsertComment(12, CommentRenderer.MARKER + "\nsecond");

    assertThat(created).isEqualTo(new PostResult.Posted("99"));
    assertThat(updated).isEqualTo(new PostResult.Posted("99"));
    List<FakeProvider.Recorded> reqs = host.requests();
    assertThat(reqs).extracting(FakeProvider.Recorded::method).containsExactly("GET", "POST", "GET", "PATCH");
    assertThat(reqs.get(0).path()).isEqualTo("/api/v3/repos/acme/sales/issues/12/comments?per_page=100&page=1");
    assertThat(reqs.get(1).path()).isEqualTo("/api/v3/repos/acme/sales/issues/12/comments");
    assertThat(reqs.get(3).path()).isEqualTo("/api/v3/repos/acme/sales/issues/comments/99");
    assertThat(reqs).allSatisfy(r -> assertThat(r.body() + r.path()).doesNotContain(TOKEN));
    assertThat(Json.read(reqs.get(3).body()).path("body").asString()).endsWith("second");
  }

  @Test
  void withoutATokenEverythingIsRecordedLocallyAndNothingIsSent() {
    LocalStatusLog local = new LocalStatusLog("acme/sales", 10);
    HttpStatusClient c = new HttpStatusClient(new HttpStatusClient.Target(host.baseUrl(), "acme/sales", new GitHubApi()),
        HttpClient.newHttpClient(), Optional::empty, RetryPolicy.defaults(CLOCK), slept::add, new StatusDedupe(10), local);

    assertThat(c.post(status(StatusState.SUCCESS, "ok"))).isInstanceOf(PostResult.Recorded.class);
    assertThat(c.upsertComment(3, "body")).isInstanceOf(PostResult.Recorded.class);
    assertThat(host.requests()).isEmpty();
    assertThat(local.entries()).hasSize(2);
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("recorded, no token"));
  }
}
