package dev.floe.gitops.webhook.receiver;

import java.util.Set;

/**
 * Push and pull-request payloads in GitHub's shape, which Gitea and Forgejo copy field for field; only the
 * pull-request action names differ ({@code synchronize} on GitHub, {@code synchronized} on Gitea).
 */
final class GitHubShapedPayloads {

  private final Set<String> actedOn;
  private final Set<String> knownActions;

  GitHubShapedPayloads(Set<String> actedOn, Set<String> knownActions) {
    this.actedOn = Set.copyOf(actedOn);
    this.knownActions = Set.copyOf(knownActions);
  }

  ParsedEvent push(Payload p) {
    String ref = p.text("ref");
    String before = p.commit("before");
    String after = p.commit("after");
    p.text("repository.full_name");
    return Adapters.push(ref, before, after);
  }

  ParsedEvent pullRequest(Payload p) {
    String action = p.text("action");
    if (!actedOn.contains(action)) {
      return Adapters.ignoredAction("pull_request", action, knownActions);
    }
    int number = p.positiveInt("number");
    String headSha = p.commit("pull_request.head.sha");
    String baseRef = p.text("pull_request.base.ref");
    String headRef = p.text("pull_request.head.ref");
    String base = p.text("repository.full_name");
    // A deleted fork has head.repo null: the PR ref on the base repository still has the commits.
    String head = p.has("pull_request.head.repo")
        ? p.text("pull_request.head.repo.full_name") : null;
    String fork = head != null && !head.equalsIgnoreCase(base) ? head : null;
    return new ParsedEvent.PullRequest(number, headRef, headSha, baseRef, fork);
  }
}
