package dev.floe.gitops.webhook.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitLab (gitlab.com or self-hosted, base URL without {@code /api/v4}): commit statuses on the project addressed by its
 * URL-encoded path ({@code acme%2Fdata%2Fsales}), merge request notes. {@code running} is never used: floe's
 * "pending" means queued or working, and GitLab shows both alike.
 */
public record GitLabApi() implements ProviderApi {

  static final int PER_PAGE = 100;

  private static Map<String, String> headers(String token) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("PRIVATE-TOKEN", token);
    h.put("User-Agent", "floe-gitops");
    h.put("Content-Type", "application/json");
    return h;
  }

  private static String project(String repository) {
    return "/api/v4/projects/" + URLEncoder.encode(repository, StandardCharsets.UTF_8);
  }

  @Override
  public ApiRequest status(String repository, CommitStatus status, String token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", switch (status.state()) {
      case PENDING -> "pending";
      case SUCCESS -> "success";
      case FAILURE -> "failed";
    });
    body.put("name", status.context());
    body.put("description", Descriptions.fit(status.description(), descriptionLimit()));
    status.targetUrl().ifPresent(url -> body.put("target_url", url));
    return new ApiRequest("POST", project(repository) + "/statuses/" + status.sha(), headers(token), Json.write(body));
  }

  @Override
  public ApiRequest listComments(String repository, int pullRequest, int page, String token) {
    return new ApiRequest("GET", project(repository) + "/merge_requests/" + pullRequest + "/notes?per_page=" + PER_PAGE
        + "&page=" + page, headers(token), null);
  }

  @Override
  public ApiRequest createComment(String repository, int pullRequest, String body, String token) {
    return new ApiRequest("POST", project(repository) + "/merge_requests/" + pullRequest + "/notes", headers(token),
        Json.write(Map.of("body", body)));
  }

  @Override
  public ApiRequest updateComment(String repository, int pullRequest, String commentId, String body, String token) {
    return new ApiRequest("PUT", project(repository) + "/merge_requests/" + pullRequest + "/notes/" + commentId,
        headers(token), Json.write(Map.of("body", body)));
  }

  @Override
  public CommentPage parseComments(String json) {
    var comments = Json.comments(Json.read(json), "body");
    return new CommentPage(comments, comments.size() >= PER_PAGE);
  }

  @Override
  public ApiRequest listStatuses(String repository, String sha, String token) {
    return new ApiRequest("GET", project(repository) + "/repository/commits/" + sha + "/statuses?per_page=100",
        headers(token), null);
  }

  @Override
  public Map<String, String> parseStatuses(String json) {
    // GitLab lists oldest first: the last entry of a name is its current state
    var all = Json.read(json);
    java.util.List<tools.jackson.databind.JsonNode> items = new java.util.ArrayList<>();
    all.forEach(items::add);
    java.util.Collections.reverse(items);
    return Json.statuses(Json.array(items), "name", "status");
  }

  @Override
  public int descriptionLimit() {
    return 255;
  }

  @Override
  public int commentLimit() {
    return 1_000_000;
  }
}
