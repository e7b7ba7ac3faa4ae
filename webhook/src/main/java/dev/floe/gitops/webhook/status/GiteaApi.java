package dev.floe.gitops.webhook.status;

import java.util.LinkedHashMap;
import java.util.Map;

/** Gitea and Forgejo (base URL of the instance, without {@code /api/v1}): commit statuses and issue comments. */
public record GiteaApi() implements ProviderApi {

  static final int PER_PAGE = 50;

  private static Map<String, String> headers(String token) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "token " + token);
    h.put("Accept", "application/json");
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
    return new ApiRequest("POST", "/api/v1/repos/" + repository + "/statuses/" + status.sha(), headers(token),
        Json.write(body));
  }

  @Override
  public ApiRequest listComments(String repository, int pullRequest, int page, String token) {
    return new ApiRequest("GET", "/api/v1/repos/" + repository + "/issues/" + pullRequest + "/comments?page=" + page
        + "&limit=" + PER_PAGE, headers(token), null);
  }

  @Override
  public ApiRequest createComment(String repository, int pullRequest, String body, String token) {
    return new ApiRequest("POST", "/api/v1/repos/" + repository + "/issues/" + pullRequest + "/comments", headers(token),
        Json.write(Map.of("body", body)));
  }

  @Override
  public ApiRequest updateComment(String repository, int pullRequest, String commentId, String body, String token) {
    return new ApiRequest("PATCH", "/api/v1/repos/" + repository + "/issues/comments/" + commentId, headers(token),
        Json.write(Map.of("body", body)));
  }

  @Override
  public CommentPage parseComments(String json) {
    var comments = Json.comments(Json.read(json), "body");
    return new CommentPage(comments, comments.size() >= PER_PAGE);
  }

  @Override
  public ApiRequest listStatuses(String repository, String sha, String token) {
    return new ApiRequest("GET", "/api/v1/repos/" + repository + "/commits/" + sha + "/status", headers(token), null);
  }

  @Override
  public Map<String, String> parseStatuses(String json) {
    return Json.statuses(Json.read(json).path("statuses"), "context", "status");
  }

  @Override
  public int descriptionLimit() {
    return 255;
  }

  @Override
  public int commentLimit() {
    return 65_536;
  }
}
