package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the statuses a gate needs, per provider, and deciding on them. */
class GateStatusesTest {

  static final String SHA = GitHubStatusClientTest.SHA;
  static final GateChecker.Gates GATES = GateCheckerTest.GATES;
  static final Instant T0 = GateCheckerTest.T0;
  FakeProvider host;

  @BeforeEach
  void start() throws Exception {
    host = new FakeProvider();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  HttpStatusClient client(ProviderApi api) {
    return new HttpStatusClient(new HttpStatusClient.Target(host.baseUrl(), "acme/sales", api), HttpClient.newHttpClient(),
        () -> Optional.of("tok-abcdef-123456"), RetryPolicy.defaults(GitHubStatusClientTest.CLOCK), d -> { },
        new StatusDedupe(10), new LocalStatusLog("acme/sales", 10));
  }

  @Test
  void gitHubCombinedStatusPendingWaitsThenSuccessOpens() {
    host.answer(FakeProvider.Answer.of(200, "{\"state\":\"pending\",\"statuses\":[{\"context\":\"ci/image\",\"state\":\"pending\"}]}"),
        FakeProvider.Answer.of(200, "{\"state\":\"success\",\"statuses\":[{\"context\":\"ci/image\",\"state\":\"success\"}]}"));
    HttpStatusClient c = client(new GitHubApi());

    assertThat(GateChecker.check(GATES, c.statuses(SHA).orElseThrow(), T0, T0))
        .isInstanceOf(GateChecker.Verdict.Waiting.class);
    assertThat(GateChecker.check(GATES, c.statuses(SHA).orElseThrow(), T0, T0))
        .isInstanceOf(GateChecker.Verdict.Open.class);
    assertThat(host.requests().get(0).path()).isEqualTo("/repos/acme/sales/commits/" + SHA + "/status?per_page=100");
  }

  @Test
  void aFailedGateBlocksOnEveryProvider() {
    host.answer(FakeProvider.Answer.of(200, "[{\"name\":\"ci/image\",\"status\":\"running\"},{\"name\":\"ci/image\",\"status\":\"failed\"}]"),
        FakeProvider.Answer.of(200, "{\"statuses\":[{\"context\":\"ci/image\",\"status\":\"error\"}]}"),
        FakeProvider.Answer.of(200, "{\"values\":[{\"key\":\"ci/image\",\"state\":\"FAILED\"}]}"));

    for (ProviderApi api : new ProviderApi[] {new GitLabApi(), new GiteaApi(), new BitbucketApi()}) {
      Map<String, String> statuses = client(api).statuses(SHA).orElseThrow();
      assertThat(GateChecker.check(GATES, statuses, T0, T0)).as(api.toString())
          .isEqualTo(new GateChecker.Verdict.Blocked("ci/image", "gate ci/image is failure"));
    }
    assertThat(host.requests().get(0).path()).isEqualTo("/api/v4/projects/acme%2Fsales/repository/commits/" + SHA
        + "/statuses?per_page=100");
    assertThat(host.requests().get(1).path()).isEqualTo("/api/v1/repos/acme/sales/commits/" + SHA + "/status");
    assertThat(host.requests().get(2).path()).isEqualTo("/2.0/repositories/acme/sales/commit/" + SHA
        + "/statuses?pagelen=100");
  }

  @Test
  void aHostThatCannotBeAskedKeepsTheGateWaiting() {
    host.answer(FakeProvider.Answer.of(404, "{}"));
    assertThat(client(new GitHubApi()).statuses(SHA)).isEmpty();
  }
}
