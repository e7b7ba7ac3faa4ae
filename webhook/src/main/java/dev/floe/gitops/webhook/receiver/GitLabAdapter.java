package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.event.Provider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab: a shared token in {@code X-Gitlab-Token} (GitLab does not sign bodies), {@code
 * X-Gitlab-Event}, {@code X-Gitlab-Event-UUID}; the project is {@code project.path_with_namespace},
 * whose namespace (groups and subgroups) is the organisation. GitLab has no ping: its "Test" button
 * sends a push.
 */
public final class GitLabAdapter implements ProviderAdapter {

  static final String TOKEN = "X-Gitlab-Token";
  static final String EVENT = "X-Gitlab-Event";
  static final String DELIVERY = "X-Gitlab-Event-UUID";
  private static final Set<String> ACTED_ON = Set.of("open", "update", "reopen");
  private static final Set<String> KNOWN_ACTIONS = Set.of("open", "update", "reopen", "close",
      "merge", "approved", "unapproved", "approval", "unapproval");

  private final NameReader names = new NameReader("project", "path_with_namespace", null, null);

  @Override
  public Provider provider() {
    return Provider.GITLAB;
  }

  @Override
  public List<String> mediaTypes() {
    return List.of(Adapters.JSON);
  }

  @Override
  public Subject subject(WebhookRequest request) {
    return names.read(request.body());
  }

  @Override
  public SignatureHeader signature(WebhookRequest request) {
    String token = request.header(TOKEN);
    return token == null || token.isEmpty()
        ? new SignatureHeader.Absent(TOKEN) : new SignatureHeader.Present(token);
  }

  @Override
  public boolean verify(WebhookRequest request, SignatureHeader.Present presented,
      SecretValue secret) {
    return Signatures.tokenMatches(secret, presented.value());
  }

  @Override
  public String deliveryHeader() {
    return DELIVERY;
  }

  @Override
  public Optional<String> deliveryId(WebhookRequest request) {
    return Adapters.deliveryId(request, DELIVERY);
  }

  @Override
  public ParsedEvent parse(WebhookRequest request) {
    String event = Adapters.header(request, EVENT);
    if (event == null) {
      return new ParsedEvent.Malformed(null, "missing " + EVENT + " header");
    }
    return switch (event) {
      case "Push Hook", "Tag Push Hook" -> Payload.parse(request.body(), GitLabAdapter::push);
      case "Merge Request Hook" -> Payload.parse(request.body(), GitLabAdapter::mergeRequest);
      default -> Adapters.ignoredEvent(event);
    };
  }

  private static ParsedEvent push(Payload p) {
    String ref = p.text("ref");
    String before = p.commit("before");
    String after = p.commit("after");
    p.text("project.path_with_namespace");
    return Adapters.push(ref, before, after);
  }

  private static ParsedEvent mergeRequest(Payload p) {
    String action = p.text("object_attributes.action");
    if (!ACTED_ON.contains(action)) {
      return Adapters.ignoredAction("merge request", action, KNOWN_ACTIONS);
    }
    int iid = p.positiveInt("object_attributes.iid");
    String headSha = p.commit("object_attributes.last_commit.id");
    String baseRef = p.text("object_attributes.target_branch");
    String headRef = p.text("object_attributes.source_branch");
    String project = p.text("project.path_with_namespace");
    String source = p.optionalText("object_attributes.source.path_with_namespace");
    String fork = source != null && !source.equalsIgnoreCase(project) ? source : null;
    return new ParsedEvent.PullRequest(iid, headRef, headSha, baseRef, fork);
  }
}
