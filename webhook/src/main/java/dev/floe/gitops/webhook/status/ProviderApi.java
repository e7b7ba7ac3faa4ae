package dev.floe.gitops.webhook.status;

import java.util.List;

/**
 * One git host's documented REST API for statuses and pull-request comments, as pure request mapping: which method,
 * path, headers and JSON body a call is, and how a comment listing reads back. The HTTP, retries and deduplication are
 * {@link HttpStatusClient}'s, shared by every provider. {@code repository} is the configured full name
 * ({@code owner/name}; GitLab: the project path, subgroups included).
 */
public sealed interface ProviderApi permits GitHubApi, GitLabApi, GiteaApi, BitbucketApi {

  /** A page of comments and whether another one may follow. */
  record CommentPage(List<RemoteComment> comments, boolean more) {
    public CommentPage {
      comments = List.copyOf(comments);
    }
  }

  ApiRequest status(String repository, CommitStatus status, String token);

  ApiRequest listComments(String repository, int pullRequest, int page, String token);

  ApiRequest createComment(String repository, int pullRequest, String body, String token);

  ApiRequest updateComment(String repository, int pullRequest, String commentId, String body, String token);

  CommentPage parseComments(String json);

  /** The statuses on a commit, for deploy gates. */
  ApiRequest listStatuses(String repository, String sha, String token);

  /** Context → {@code success | failure | pending}, each provider's states folded to those three. */
  java.util.Map<String, String> parseStatuses(String json);

  /** Longest status description the host accepts, in characters. */
  int descriptionLimit();

  /** Longest comment body the host accepts, in characters. */
  int commentLimit();
}
