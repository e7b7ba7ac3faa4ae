package dev.floe.gitops.webhook.receiver;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.webhook.event.Provider;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.Optional;

/**
 * Whatever a host (or anyone) sends, each provider's name read, signature check and event parse,
 * and the records built from a parsed event, end in a value: never an exception. Without
 * JAZZER_FUZZ set this runs the seed corpus under {@code ProviderAdapterFuzzTestInputs/<method>}.
 * Choices (event type, signature form, media type) come from the end of the input, the body is
 * the rest.
 */
class ProviderAdapterFuzzTest {

  private static final String SECRET = "fuzz-secret";
  private static final String[] GITHUB = {"push", "pull_request", "ping", "issues", "organization"};
  private static final String[] GITLAB = {"Push Hook", "Tag Push Hook", "Merge Request Hook", "Issue Hook"};
  private static final String[] GITEA = {"push", "pull_request", "ping", "issues", "create"};
  private static final String[] BITBUCKET = {"repo:push", "pullrequest:created",
      "pullrequest:updated", "pullrequest:fulfilled", "diagnostics:ping", "issue:created"};

  private final ServedRepositories served = new ServedRepositories(ReceiverHarness.config("""
      profile: production
      environments: {dev: {platform: p.yaml}}
      organizations:
        - {name: acme, provider: github, webhookSecret: {secret_ref: fuzz}}
        - {name: acme/data, provider: gitlab, webhookSecret: {secret_ref: fuzz}}
        - {name: acme, provider: gitea, webhookSecret: {secret_ref: fuzz}}
        - {name: acme, provider: bitbucket, webhookSecret: {secret_ref: fuzz}}
      repositories:
        - {name: acme/sales-analytics, provider: github, url: https://github.com/acme/sales-analytics.git, deploy: [{environment: dev, branch: main}]}
        - {name: acme/data/orders, provider: gitlab, url: https://gitlab.example.com/acme/data/orders.git, deploy: [{environment: dev, branch: main}]}
        - {name: acme/inventory, provider: gitea, url: https://gitea.example.com/acme/inventory.git, deploy: [{environment: dev, branch: main}]}
        - {name: acme/billing, provider: bitbucket, url: https://bitbucket.org/acme/billing.git, deploy: [{environment: dev, branch: main}]}
      """));
  private final Authenticator authenticator =
      new Authenticator(served, ref -> Optional.of(SecretValue.of(SECRET)));
  private final RecordFactory records = new RecordFactory(served);

  @FuzzTest(maxDuration = "30s")
  void github(FuzzedDataProvider data) {
    exercise(new GitHubAdapter(), data, GITHUB);
  }

  @FuzzTest(maxDuration = "30s")
  void gitlab(FuzzedDataProvider data) {
    exercise(new GitLabAdapter(), data, GITLAB);
  }

  @FuzzTest(maxDuration = "30s")
  void gitea(FuzzedDataProvider data) {
    exercise(new GiteaAdapter(), data, GITEA);
  }

  @FuzzTest(maxDuration = "30s")
  void bitbucket(FuzzedDataProvider data) {
    exercise(new BitbucketAdapter(), data, BITBUCKET);
  }

  private void exercise(ProviderAdapter adapter, FuzzedDataProvider data, String[] events) {
    String event = data.pickValue(events);
    int signatureForm = data.consumeInt(0, 5);
    boolean form = data.consumeBoolean();
    byte[] body = data.consumeRemainingAsBytes();
    String good = ReceiverHarness.hmacHex(SECRET, body);
    String signature = switch (signatureForm) {
      case 0 -> null;
      case 1 -> "sha256=" + good;
      case 2 -> good;
      case 3 -> "sha1=" + good.substring(0, 40);
      case 4 -> "sha256=" + good.substring(0, 31);
      default -> SECRET; // GitLab's token
    };
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (String name : new String[] {"X-GitHub-Event", "X-Gitlab-Event", "X-Gitea-Event", "X-Event-Key"}) {
      headers.set(name, event);
    }
    for (String name : new String[] {"X-GitHub-Delivery", "X-Gitlab-Event-UUID", "X-Gitea-Delivery", "X-Request-UUID"}) {
      headers.set(name, "fuzz-delivery");
    }
    if (signature != null) {
      for (String name : new String[] {"X-Hub-Signature-256", "X-Hub-Signature", "X-Gitea-Signature", "X-Gitlab-Token"}) {
        headers.set(name, signature);
      }
    }
    WebhookRequest request = new WebhookRequest(headers, body,
        form ? "application/x-www-form-urlencoded" : "application/json");

    adapter.subject(request);
    adapter.deliveryId(request);
    if (adapter.signature(request) instanceof SignatureHeader.Present present) {
      adapter.verify(request, present, SecretValue.of(SECRET));
    }
    Verification verification = authenticator.authenticate(adapter, request);
    ParsedEvent parsed = adapter.parse(request);
    if (parsed == null) {
      throw new AssertionError("parse returned null");
    }
    // A verified push or pull request must always make valid records (no InvalidFieldException).
    if (verification instanceof Verification.Verified verified && verified.repository().isPresent()
        && (parsed instanceof ParsedEvent.Push || parsed instanceof ParsedEvent.Pushes
            || parsed instanceof ParsedEvent.PullRequest)) {
      RepositoryConfig repository = verified.repository().get();
      records.records(adapter.provider(), "fuzz-delivery", repository, parsed, Instant.EPOCH,
          null);
    }
    if (adapter.provider() == null || adapter.provider() != Provider.valueOf(adapter.provider().name())) {
      throw new AssertionError("provider");
    }
  }
}
