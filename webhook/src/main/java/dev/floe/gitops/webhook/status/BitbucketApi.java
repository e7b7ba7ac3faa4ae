package dev.floe.gitops.webhook.status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bitbucket Cloud (base URL {@code https://api.bitbucket.org}): build statuses keyed by the context, pull-request
 * comments with {@code content.raw}. Bitbucket requires a {@code url}; without a report link the commit's page is used.
 */
public record BitbucketApi() implements ProviderApi {

  private static Map<String, String> headers(String token) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + token);
    h.put("Accept", "application/json");
    h.put("User-Agent", "floe-gitops");
    h.put("Content-Type", "application/json");
    return h;
  }

  @Override
  public ApiRequest status(String repository, CommitStatus status, String token) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", status.context());
    body.put("state", switch (status.state()) {
      case PENDING -> "INPROGRESS";
      case SUCCESS -> "SUCCESSFUL";
      case FAILURE -> "FAILED";
    });
    body.put("name", status.context());
    body.put("description", Descriptions.fit(status.description(), descriptionLimit()));
    body.put("url", status.targetUrl().orElse("https://bitbucket.org/" + repository + "/commits/" + status.sha()));
    return new ApiRequest("POST", "/2.0/repositories/" + repository + "/commit/" + status.sha() + "/statuses/build",
        headers(token), Json.write(body));
  }

  @Override
  public ApiRequest listComments(String repository, int pullRequest, int page, String token) {
    return new ApiRequest("GET", "/2.0/repositories/" + repository + "/pullrequests/" + pullRequest
        + "/comments?pagelen=100&page=" + page, headers(token), null);
  }

  @Override
  public ApiRequest createComment(String repository, int pullRequest, String body, String token) {
    return new ApiRequest("POST", "/2.0/repositories/" + repository + "/pullrequests/" + pullRequest + "/comments",
        headers(token), Json.write(Map.of("content", Map.of("raw", body))));
  }

  @Override
  public ApiRequest updateComment(String repository, int pullRequest, String commentId, String body, String token) {
    return new ApiRequest("PUT", "/2.0/repositories/" + repository + "/pullrequests/" + pullRequest + "/comments/"
        + commentId, headers(token), Json.write(Map.of("content", Map.of("raw", body))));
  }

  @Override
  public CommentPage parseComments(String json) {
    var root = Json.read(json);
    return new CommentPage(Json.comments(root.path("values"), "content", "raw"), root.hasNonNull("next"));
  }

  @Override
  public ApiRequest listStatuses(String repository, String sha, String token) {
    return new ApiRequest("GET", "/2.0/repositories/" + repository + "/commit/" + sha + "/statuses?pagelen=100",
        headers(token), null);
  }

  @Override
  public Map<String, String> parseStatuses(String json) {
    return Json.statuses(Json.read(json).path("values"), "key", "state");
  }

  @Override
  public int descriptionLimit() {
    return 255;
  }

  @Override
  public int commentLimit() {
    return 32_768;
  }
}
