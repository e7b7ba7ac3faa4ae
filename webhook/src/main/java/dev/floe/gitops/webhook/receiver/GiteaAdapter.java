package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.event.Provider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gitea and Forgejo: hex HMAC-SHA256 in {@code X-Gitea-Signature} or {@code X-Forgejo-Signature}
 * (Forgejo sends both; its own is preferred), events in {@code X-Gitea-Event} / {@code
 * X-Forgejo-Event}, delivery ids in {@code X-Gitea-Delivery} / {@code X-Forgejo-Delivery}.
 */
public final class GiteaAdapter implements ProviderAdapter {

  static final String SIGNATURE = "X-Gitea-Signature";
  static final String FORGEJO_SIGNATURE = "X-Forgejo-Signature";
  static final String EVENT = "X-Gitea-Event";
  static final String FORGEJO_EVENT = "X-Forgejo-Event";
  static final String DELIVERY = "X-Gitea-Delivery";
  static final String FORGEJO_DELIVERY = "X-Forgejo-Delivery";
  private static final Set<String> ACTED_ON = Set.of("opened", "synchronized", "reopened");
  private static final Set<String> KNOWN_ACTIONS = Set.of("opened", "synchronized", "reopened",
      "closed", "edited", "label_updated", "label_cleared", "assigned", "unassigned",
      "milestoned", "demilestoned", "reviewed", "review_requested", "review_request_removed");
  private static final GitHubShapedPayloads PAYLOADS = new GitHubShapedPayloads(ACTED_ON, KNOWN_ACTIONS);

  private final NameReader names = new NameReader("repository", "full_name", null, null);

  @Override
  public Provider provider() {
    return Provider.GITEA;
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
    String value = Adapters.header(request, FORGEJO_SIGNATURE, SIGNATURE);
    if (value == null) {
      return new SignatureHeader.Absent(SIGNATURE);
    }
    if (value.regionMatches(true, 0, "sha1=", 0, 5)) {
      return new SignatureHeader.Unsupported(SIGNATURE + " must be the hex HMAC-SHA256");
    }
    // Some proxies add GitHub's prefix; the value is the same HMAC.
    return new SignatureHeader.Present(
        value.regionMatches(true, 0, "sha256=", 0, 7) ? value.substring(7) : value);
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
    return Adapters.deliveryId(request, FORGEJO_DELIVERY, DELIVERY);
  }

  @Override
  public ParsedEvent parse(WebhookRequest request) {
    String event = Adapters.header(request, FORGEJO_EVENT, EVENT);
    if (event == null) {
      return new ParsedEvent.Malformed(null, "missing " + EVENT + " header");
    }
    return switch (event) {
      case "ping" -> new ParsedEvent.Ping();
      case "push" -> Payload.parse(request.body(), PAYLOADS::push);
      case "pull_request", "pull_request_sync" ->
          Payload.parse(request.body(), PAYLOADS::pullRequest);
      default -> Adapters.ignoredEvent(event);
    };
  }
}
