package dev.floe.gitops.webhook.receiver;

import static dev.floe.gitops.webhook.receiver.ReceiverHarness.BILLING_SECRET;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.hmacHex;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventKind;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bitbucket Cloud: sha256= HMAC in X-Hub-Signature, X-Event-Key, batched push changes. */
@ExtendWith(KafkaBrokerExtension.class)
class BitbucketReceiverTest {

  private static BrokerBackedHarness h;

  @BeforeAll
  static void start(EmbeddedKafkaBroker broker) {
    h = new BrokerBackedHarness(broker, "bitbucket-receiver");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static ReceiverHarness.Answer deliver(String event, byte[] body, String secret) {
    ReceiverHarness.Post post = h.harness.post("bitbucket").header("X-Event-Key", event)
        .header("X-Request-UUID", UUID.randomUUID().toString());
    if (secret != null) {
      post.header("X-Hub-Signature", "sha256=" + hmacHex(secret, body));
    }
    return post.send(body);
  }

  private static List<EventRecord> queued(ReceiverHarness.Answer answer) {
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("queued");
    return h.sink.forDelivery(answer.json().getString("delivery"));
  }

  @Test
  void aPushAndATagPushAreQueued() {
    EventRecord push = queued(deliver("repo:push", payload("bitbucket/repo-push.json"), BILLING_SECRET)).get(0);
    assertThat(push.provider()).isEqualTo(Provider.BITBUCKET);
    assertThat(push.repository()).isEqualTo("acme/billing");
    assertThat(push.ref()).isEqualTo("refs/heads/main");
    assertThat(push.before()).isEqualTo("8cbbd65829c7ad834a97841e0defc965718036a0");
    assertThat(push.after()).isEqualTo("1e65c05c1d5171631d92438a13901ca7dae9618c");

    EventRecord tag = queued(deliver("repo:push", payload("bitbucket/repo-push-tag.json"), BILLING_SECRET)).get(0);
    assertThat(tag.ref()).isEqualTo("refs/tags/v3.1.0");
    assertThat(tag.before()).isEqualTo("0".repeat(40));
  }

  @Test
  void aPushOfTwoBranchesIsTwoRecordsWithDistinctDeliveryIds() {
    ReceiverHarness.Answer answer =
        deliver("repo:push", payload("bitbucket/repo-push-two-branches.json"), BILLING_SECRET);
    List<EventRecord> records = queued(answer);
    String id = answer.json().getString("delivery");
    assertThat(records).extracting(EventRecord::deliveryId).containsExactlyInAnyOrder(id + "#1", id + "#2");
    assertThat(records).extracting(EventRecord::ref)
        .containsExactlyInAnyOrder("refs/heads/main", "refs/heads/release");
  }

  @Test
  void pullRequestsCreatedAndUpdatedAreQueuedAndFulfilledIsIgnored() {
    for (String event : new String[] {"created", "updated"}) {
      EventRecord pr = queued(deliver("pullrequest:" + event,
          payload("bitbucket/pullrequest-" + event + ".json"), BILLING_SECRET)).get(0);
      assertThat(pr.kind()).isEqualTo(EventKind.PULL_REQUEST);
      assertThat(pr.prNumber()).isEqualTo(12);
      assertThat(pr.baseRef()).isEqualTo("main");
      assertThat(pr.ref()).isEqualTo("feature/staging");
    }
    ReceiverHarness.Answer merged = deliver("pullrequest:fulfilled",
        payload("bitbucket/pullrequest-fulfilled.json"), BILLING_SECRET);
    assertThat(merged.json().getString("status")).isEqualTo("ignored");

    // Bitbucket Cloud names the head by 12 hex: queued as it is, the worker resolves it from the branch
    EventRecord abbreviated = queued(deliver("pullrequest:created",
        payload("bitbucket/pullrequest-created-short-hash.json"), BILLING_SECRET)).get(0);
    assertThat(abbreviated.headSha()).isEqualTo("1e65c05c1d51");
    assertThat(abbreviated.headShaAbbreviated()).isTrue();
  }

  @Test
  void pingAndAnUnrelatedEvent() {
    ReceiverHarness.Answer ping =
        deliver("diagnostics:ping", payload("bitbucket/diagnostics-ping.json"), BILLING_SECRET);
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.json().getString("status")).isEqualTo("pong");
    ReceiverHarness.Answer issue =
        deliver("issue:created", payload("bitbucket/issue-created.json"), BILLING_SECRET);
    assertThat(issue.json().getString("status")).isEqualTo("ignored");
  }

  @Test
  void badMissingAndTruncatedSignaturesAre401() {
    byte[] body = payload("bitbucket/repo-push.json");
    assertThat(deliver("repo:push", body, "guess").status()).isEqualTo(401);
    assertThat(deliver("repo:push", body, null).status()).isEqualTo(401);
    ReceiverHarness.Answer truncated = h.harness.post("bitbucket").header("X-Event-Key", "repo:push")
        .header("X-Request-UUID", "t1")
        .header("X-Hub-Signature", "sha256=" + hmacHex(BILLING_SECRET, body).substring(0, 10)).send(body);
    assertThat(truncated.status()).isEqualTo(401);
  }
}
