package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.event.Provider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub (and GitHub Enterprise Server): {@code X-Hub-Signature-256}, {@code X-GitHub-Event},
 * {@code X-GitHub-Delivery}; JSON or form-encoded ({@code payload=}) bodies. The SHA-1 {@code
 * X-Hub-Signature} is refused: it is kept by GitHub for old receivers only.
 */
public final class GitHubAdapter implements ProviderAdapter {

  static final String SIGNATURE = "X-Hub-Signature-256";
  static final String LEGACY_SIGNATURE = "X-Hub-Signature";
  static final String EVENT = "X-GitHub-Event";
  static final String DELIVERY = "X-GitHub-Delivery";
  private static final Set<String> ACTED_ON = Set.of("opened", "synchronize", "reopened");
  private static final Set<String> KNOWN_ACTIONS = Set.of("opened", "synchronize", "reopened",
      "closed", "edited", "labeled", "unlabeled", "assigned", "unassigned", "review_requested",
      "review_request_removed", "ready_for_review", "converted_to_draft", "locked", "unlocked",
      "auto_merge_enabled", "auto_merge_disabled", "milestoned", "demilestoned", "enqueued",
      "dequeued");
  private static final GitHubShapedPayloads PAYLOADS = new GitHubShapedPayloads(ACTED_ON, KNOWN_ACTIONS);

  private final NameReader names =
      new NameReader("repository", "full_name", "organization", "login");

  @Override
  public Provider provider() {
    return Provider.GITHUB;
  }

  @Override
  public List<String> mediaTypes() {
    return List.of(Adapters.JSON, Adapters.FORM);
  }

  @Override
  public Subject subject(WebhookRequest request) {
    return json(request).map(names::read).orElse(Subject.NONE);
  }

  @Override
  public SignatureHeader signature(WebhookRequest request) {
    SignatureHeader header = Adapters.prefixedSha256(request, SIGNATURE);
    if (header instanceof SignatureHeader.Absent && request.header(LEGACY_SIGNATURE) != null) {
      return new SignatureHeader.Unsupported(
          "SHA-1 signatures are not accepted; GitHub sends " + SIGNATURE + " (sha256=...)");
    }
    return header;
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
    Optional<byte[]> json = json(request);
    if (json.isEmpty()) {
      return new ParsedEvent.Malformed("payload", "form body must carry one URL-encoded payload field");
    }
    String event = Adapters.header(request, EVENT);
    if (event == null) {
      return new ParsedEvent.Malformed(null, "missing " + EVENT + " header");
    }
    return switch (event) {
      case "ping" -> new ParsedEvent.Ping();
      case "push" -> Payload.parse(json.get(), PAYLOADS::push);
      case "pull_request" -> Payload.parse(json.get(), PAYLOADS::pullRequest);
      default -> Adapters.ignoredEvent(event);
    };
  }

  /** The JSON: the body itself, or the decoded {@code payload} field of a form body. */
  private static Optional<byte[]> json(WebhookRequest request) {
    if (Adapters.FORM.equals(request.mediaType())) {
      return FormPayload.field(request.body(), "payload");
    }
    return Optional.of(request.body());
  }
}
