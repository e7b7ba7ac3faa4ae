package dev.floe.gitops.webhook.receiver;

import static dev.floe.gitops.webhook.receiver.ReceiverHarness.INVENTORY_SECRET;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.hmacHex;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventKind;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gitea and Forgejo: hex HMAC-SHA256 without a prefix, in either host's header. */
@ExtendWith(KafkaBrokerExtension.class)
class GiteaReceiverTest {

  private static BrokerBackedHarness h;

  @BeforeAll
  static void start(EmbeddedKafkaBroker broker) {
    h = new BrokerBackedHarness(broker, "gitea-receiver");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static ReceiverHarness.Answer deliver(String event, byte[] body, String signature) {
    ReceiverHarness.Post post = h.harness.post("gitea").header("X-Gitea-Event", event)
        .header("X-Gitea-Delivery", UUID.randomUUID().toString());
    if (signature != null) {
      post.header("X-Gitea-Signature", signature);
    }
    return post.send(body);
  }

  private static EventRecord queued(ReceiverHarness.Answer answer) {
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("queued");
    return h.sink.forDelivery(answer.json().getString("delivery")).get(0);
  }

  @Test
  void pushAndTagPushAreQueued() {
    byte[] body = payload("gitea/push.json");
    EventRecord push = queued(deliver("push", body, hmacHex(INVENTORY_SECRET, body)));
    assertThat(push.provider()).isEqualTo(Provider.GITEA);
    assertThat(push.repository()).isEqualTo("acme/inventory");
    assertThat(push.cloneUrl()).isEqualTo("https://gitea.example.com/acme/inventory.git");

    byte[] tag = payload("gitea/push-tag.json");
    assertThat(queued(deliver("push", tag, hmacHex(INVENTORY_SECRET, tag))).ref())
        .isEqualTo("refs/tags/v2.0.0");
  }

  @Test
  void aForgejoDeliveryIsVerifiedWithItsOwnHeaders() {
    byte[] body = payload("gitea/push.json");
    String id = UUID.randomUUID().toString();
    ReceiverHarness.Answer answer = h.harness.post("gitea").header("X-Forgejo-Event", "push")
        .header("X-Forgejo-Delivery", id)
        .header("X-Forgejo-Signature", hmacHex(INVENTORY_SECRET, body)).send(body);
    assertThat(queued(answer).deliveryId()).isEqualTo(id);
  }

  @Test
  void pullRequestsOpenedAndSynchronizedAreQueuedAndClosedIsIgnored() {
    for (String action : new String[] {"opened", "synchronized"}) {
      byte[] body = payload("gitea/pull_request-" + action + ".json");
      EventRecord pr = queued(deliver("pull_request", body, hmacHex(INVENTORY_SECRET, body)));
      assertThat(pr.kind()).isEqualTo(EventKind.PULL_REQUEST);
      assertThat(pr.prNumber()).isEqualTo(3);
      assertThat(pr.baseRef()).isEqualTo("main");
    }
    byte[] closed = payload("gitea/pull_request-closed.json");
    ReceiverHarness.Answer answer = deliver("pull_request", closed, hmacHex(INVENTORY_SECRET, closed));
    assertThat(answer.json().getString("status")).isEqualTo("ignored");
  }

  @Test
  void anUnrelatedEventIsIgnored() {
    byte[] body = payload("gitea/issues.json");
    ReceiverHarness.Answer answer = deliver("issues", body, hmacHex(INVENTORY_SECRET, body));
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("ignored");
  }

  @Test
  void badMissingSha1AndTruncatedSignaturesAre401() {
    byte[] body = payload("gitea/push.json");
    String good = hmacHex(INVENTORY_SECRET, body);
    assertThat(deliver("push", body, hmacHex("guess", body)).status()).isEqualTo(401);
    assertThat(deliver("push", body, null).status()).isEqualTo(401);
    assertThat(deliver("push", body, "sha1=" + good.substring(0, 40)).status()).isEqualTo(401);
    assertThat(deliver("push", body, good.substring(0, 62)).status()).isEqualTo(401);
  }
}
