package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GitLab, Gitea/Forgejo and Bitbucket Cloud through a recording host: each provider's documented paths and bodies. */
class OtherProvidersTest {

  static final String SHA = GitHubStatusClientTest.SHA;
  FakeProvider host;

  @BeforeEach
  void start() throws Exception {
    host = new FakeProvider();
  }

  @AfterEach
  void stop() {
    host.close();
  }

  HttpStatusClient client(ProviderApi api, String repository) {
    return new HttpStatusClient(new HttpStatusClient.Target(host.baseUrl(), repository, api), HttpClient.newHttpClient(),
        () -> Optional.of("t0ken-value-1234"), RetryPolicy.defaults(GitHubStatusClientTest.CLOCK), d -> { },
        new StatusDedupe(10), new LocalStatusLog(repository, 10));
  }

  static CommitStatus failure() {
    return new CommitStatus(SHA, "floe/dev", StatusState.FAILURE, "floe.yaml:14:7: unknown compute profile 'fast'",
        Optional.of("https://floe.example/r"));
  }

  @Test
  void gitlabStatusOnTheEncodedProjectPathWithAPrivateToken() {
    client(new GitLabApi(), "acme/data/sales").post(failure());

    FakeProvider.Recorded req = host.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.path()).isEqualTo("/api/v4/projects/acme%2Fdata%2Fsales/statuses/" + SHA);
    assertThat(req.header("PRIVATE-TOKEN")).isEqualTo("t0ken-value-1234");
    JsonNode body = Json.read(req.body());
    assertThat(body.path("state").asString()).isEqualTo("failed");
    assertThat(body.path("name").asString()).isEqualTo("floe/dev");
    assertThat(body.path("target_url").asString()).isEqualTo("https://floe.example/r");
  }

  @Test
  void gitlabNoteIsUpdatedWithPut() {
    host.answer(FakeProvider.Answer.of(200, "[{\"id\": 7, \"body\": \"" + CommentRenderer.MARKER + "\"}]"),
        FakeProvider.Answer.of(200, "{\"id\": 7}"));

    client(new GitLabApi(), "acme/sales").upsertComment(4, CommentRenderer.MARKER + " new");

    List<FakeProvider.Recorded> reqs = host.requests();
    assertThat(reqs.get(0).path()).isEqualTo("/api/v4/projects/acme%2Fsales/merge_requests/4/notes?per_page=100&page=1");
    assertThat(reqs.get(1).method()).isEqualTo("PUT");
    assertThat(reqs.get(1).path()).isEqualTo("/api/v4/projects/acme%2Fsales/merge_requests/4/notes/7");
  }

  @Test
  void giteaStatusAndCommentWithATokenHeader() {
    ProviderApi api = new GiteaApi();
    client(api, "acme/sales").post(failure());
    host.answer(FakeProvider.Answer.of(200, "[]"), FakeProvider.Answer.of(201, "{\"id\": 3}"));
    client(api, "acme/sales").upsertComment(9, CommentRenderer.MARKER);

    List<FakeProvider.Recorded> reqs = host.requests();
    assertThat(reqs.get(0).path()).isEqualTo("/api/v1/repos/acme/sales/statuses/" + SHA);
    assertThat(reqs.get(0).header("Authorization")).isEqualTo("token t0ken-value-1234");
    JsonNode body = Json.read(reqs.get(0).body());
    assertThat(body.path("state").asString()).isEqualTo("failure");
    assertThat(body.path("context").asString()).isEqualTo("floe/dev");
    assertThat(reqs.get(1).path()).startsWith("/api/v1/repos/acme/sales/issues/9/comments?");
    assertThat(reqs.get(2).method()).isEqualTo("POST");
    assertThat(reqs.get(2).path()).isEqualTo("/api/v1/repos/acme/sales/issues/9/comments");
  }

  @Test
  void bitbucketBuildStatusAndContentRawComment() {
    ProviderApi api = new BitbucketApi();
    client(api, "acme/sales").post(failure());
    host.answer(FakeProvider.Answer.of(200, "{\"values\": [{\"id\": 11, \"content\": {\"raw\": \""
        + CommentRenderer.MARKER + "\"}}]}"), FakeProvider.Answer.of(200, "{\"id\": 11}"));
    client(api, "acme/sales").upsertComment(2, CommentRenderer.MARKER + " v2");

    List<FakeProvider.Recorded> reqs = host.requests();
    assertThat(reqs.get(0).path()).isEqualTo("/2.0/repositories/acme/sales/commit/" + SHA + "/statuses/build");
    assertThat(reqs.get(0).header("Authorization")).isEqualTo("Bearer t0ken-value-1234");
    JsonNode body = Json.read(reqs.get(0).body());
    assertThat(body.path("key").asString()).isEqualTo("floe/dev");
    assertThat(body.path("state").asString()).isEqualTo("FAILED");
    assertThat(body.path("url").asString()).isEqualTo("https://floe.example/r");
    assertThat(reqs.get(2).method()).isEqualTo("PUT");
    assertThat(reqs.get(2).path()).isEqualTo("/2.0/repositories/acme/sales/pullrequests/2/comments/11");
    assertThat(Json.read(reqs.get(2).body()).path("content").path("raw").asString()).endsWith("v2");
  }

  @Test
  void providerStatesAreSpeltAsEachDocuments() {
    CommitStatus pending = new CommitStatus(SHA, "floe/dev", StatusState.PENDING, "x", Optional.empty());
    assertThat(Json.read(new GitLabApi().status("a/b", pending, "t").body()).path("state").asString()).isEqualTo("pending");
    assertThat(Json.read(new BitbucketApi().status("a/b", pending, "t").body()).path("state").asString())
        .isEqualTo("INPROGRESS");
    CommitStatus ok = new CommitStatus(SHA, "floe/dev", StatusState.SUCCESS, "x", Optional.empty());
    assertThat(Json.read(new BitbucketApi().status("a/b", ok, "t").body()).path("state").asString())
        .isEqualTo("SUCCESSFUL");
    assertThat(new GitHubApi().status("a/b", ok, "secret-tok").toString()).doesNotContain("secret-tok");
  }
}
