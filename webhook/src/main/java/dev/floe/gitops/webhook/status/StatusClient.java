package dev.floe.gitops.webhook.status;

/**
 * Posts statuses and the pull request's one comment to one repository's host. Implementations never throw for a
 * refused or failed call: the result says so, and the caller only logs it (a status never delays a deploy).
 */
public interface StatusClient {

  PostResult post(CommitStatus status);

  /** Creates the comment carrying {@link CommentRenderer#MARKER}, or updates it in place when it exists. */
  PostResult upsertComment(int pullRequest, String body);
}
