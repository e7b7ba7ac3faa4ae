package dev.floe.gitops.webhook.status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub (and GitHub Enterprise Server, base URL {@code https://HOST/api/v3}): commit statuses
 * ({@code POST /repos/{owner}/{repo}/statuses/{sha}}) and issue comments, which are a pull request's conversation.
 */
public record GitHubApi() implements ProviderApi {

  static final int PER_PAGE = 100;

  private static Map<String, String> headers(String token) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Accept", "application/vnd.github+json");
    h.put("X-GitHub-Api-Version", "2022-11-28");
    h.put("Authorization", "Bearer " + token);
    h.put("User-Agent", "floe-gitops");
    h.put("Content-Type", "application/json");
    return h;
  }

  @Override
  public ApiRequest status(String repository, CommitStatus status, String token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", switch (status.state()) {
      case PENDING -> "pending";
      case SUCCESS -> "success";
      case FAILURE -> "failure";
    });
    status.targetUrl().ifPresent(url -> body.put("target_url", url));
    body.put("description", Descriptions.fit(status.description(), descriptionLimit()));
    body.put("context", status.context());
    return new ApiRequest("POST", "/repos/" + repository + "/statuses/" + status.sha(), headers(token), Json.write(body));
  }

  @Override
  public ApiRequest listComments(String repository, int pullRequest, int page, String token) {
    return new ApiRequest("GET", "/repos/" + repository + "/issues/" + pullRequest + "/comments?per_page=" + PER_PAGE
        + "&page=" + page, headers(token), null);
  }

  @Override
  public ApiRequest createComment(String repository, int pullRequest, String body, String token) {
    return new ApiRequest("POST", "/repos/" + repository + "/issues/" + pullRequest + "/comments", headers(token),
        Json.write(Map.of("body", body)));
  }

  @Override
  public ApiRequest updateComment(String repository, int pullRequest, String commentId, String body, String token) {
    return new ApiRequest("PATCH", "/repos/" + repository + "/issues/comments/" + commentId, headers(token),
        Json.write(Map.of("body", body)));
  }

  @Override
  public CommentPage parseComments(String json) {
    var comments = Json.comments(Json.read(json), "body");
    return new CommentPage(comments, comments.size() >= PER_PAGE);
  }

  @Override
  public ApiRequest listStatuses(String repository, String sha, String token) {
    return new ApiRequest("GET", "/repos/" + repository + "/commits/" + sha + "/status?per_page=100", headers(token), null);
  }

  @Override
  public Map<String, String> parseStatuses(String json) {
    return Json.statuses(Json.read(json).path("statuses"), "context", "state");
  }

  @Override
  public int descriptionLimit() {
    return 140;
  }

  @Override
  public int commentLimit() {
    return 65_536;
  }
}
