package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.event.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bitbucket Cloud: {@code X-Hub-Signature} ({@code sha256=} hex HMAC-SHA256), {@code X-Event-Key},
 * {@code X-Request-UUID}; the workspace is the organisation. One push delivery may carry several
 * ref changes: each becomes its own record.
 */
public final class BitbucketAdapter implements ProviderAdapter {

  static final String SIGNATURE = "X-Hub-Signature";
  static final String EVENT = "X-Event-Key";
  static final String DELIVERY = "X-Request-UUID";

  private final NameReader names = new NameReader("repository", "full_name", null, null);

  @Override
  public Provider provider() {
    return Provider.BITBUCKET;
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
    return Adapters.prefixedSha256(request, SIGNATURE);
  }

  @Override
  public boolean verify(WebhookRequest request, SignatureHeader.Present presented,
      SecretValue secret) {
    return Signatures.hmacSha256Matches(secret, request.body(), presented.value());
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
      case "diagnostics:ping" -> new ParsedEvent.Ping();
      case "repo:push" -> Payload.parse(request.body(), BitbucketAdapter::push);
      case "pullrequest:created", "pullrequest:updated" ->
          Payload.parse(request.body(), BitbucketAdapter::pullRequest);
      case "pullrequest:fulfilled", "pullrequest:rejected" ->
          new ParsedEvent.Ignored("pull request closed");
      default -> Adapters.ignoredEvent(event);
    };
  }

  private static ParsedEvent push(Payload p) {
    p.text("repository.full_name");
    int count = p.arraySize("push.changes");
    List<ParsedEvent.Push> pushes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String change = "push.changes[" + i + "]";
      if (!p.has(change + ".new")) {
        continue; // a deleted branch or tag
      }
      String type = p.text(change + ".new.type");
      String name = p.text(change + ".new.name");
      String ref = switch (type) {
        case "branch", "named_branch" -> "refs/heads/" + name;
        case "tag", "annotated_tag" -> "refs/tags/" + name;
        default -> null;
      };
      if (ref == null) {
        continue; // bookmarks and the like: nothing we deploy from
      }
      String after = p.commit(change + ".new.target.hash");
      String before = p.has(change + ".old")
          ? p.commit(change + ".old.target.hash") : Payload.ZERO_COMMIT;
      pushes.add(new ParsedEvent.Push(ref, before, after));
    }
    if (pushes.isEmpty()) {
      return new ParsedEvent.Ignored("ref deleted");
    }
    return pushes.size() == 1 ? pushes.get(0) : new ParsedEvent.Pushes(pushes);
  }

  private static ParsedEvent pullRequest(Payload p) {
    int id = p.positiveInt("pullrequest.id");
    // Bitbucket Cloud abbreviates the head commit (12 hex). We fetch nothing a payload names, so the
    // record keeps the abbreviation and the worker resolves the full id from the fetched branch.
    String headSha = p.headCommit("pullrequest.source.commit.hash");
    String baseRef = p.text("pullrequest.destination.branch.name");
    String headRef = p.text("pullrequest.source.branch.name");
    String base = p.text("repository.full_name");
    String head = p.optionalText("pullrequest.source.repository.full_name");
    String fork = head != null && !head.equalsIgnoreCase(base) ? head : null;
    return new ParsedEvent.PullRequest(id, headRef, headSha, baseRef, fork);
  }
}
