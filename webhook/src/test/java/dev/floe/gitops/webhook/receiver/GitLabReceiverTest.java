package dev.floe.gitops.webhook.receiver;

import static dev.floe.gitops.webhook.receiver.ReceiverHarness.ORDERS_TOKEN;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventKind;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GitLab: a shared token instead of a signature; projects in groups and subgroups. */
@ExtendWith(KafkaBrokerExtension.class)
class GitLabReceiverTest {

  private static BrokerBackedHarness h;

  @BeforeAll
  static void start(EmbeddedKafkaBroker broker) {
    h = new BrokerBackedHarness(broker, "gitlab-receiver");
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static ReceiverHarness.Answer deliver(String event, byte[] body, String token) {
    ReceiverHarness.Post post = h.harness.post("gitlab").header("X-Gitlab-Event", event)
        .header("X-Gitlab-Event-UUID", UUID.randomUUID().toString());
    if (token != null) {
      post.header("X-Gitlab-Token", token);
    }
    return post.send(body);
  }

  private static EventRecord queued(ReceiverHarness.Answer answer) {
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("queued");
    return h.sink.forDelivery(answer.json().getString("delivery")).get(0);
  }

  @Test
  void pushAndTagPushAreQueuedUnderTheConfiguredProject() {
    EventRecord push = queued(deliver("Push Hook", payload("gitlab/push.json"), ORDERS_TOKEN));
    assertThat(push.provider()).isEqualTo(Provider.GITLAB);
    assertThat(push.repository()).isEqualTo("acme/data/orders");
    assertThat(push.cloneUrl()).isEqualTo("https://gitlab.example.com/acme/data/orders.git");
    assertThat(push.after()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");

    EventRecord tag = queued(deliver("Tag Push Hook", payload("gitlab/tag_push.json"), ORDERS_TOKEN));
    assertThat(tag.ref()).isEqualTo("refs/tags/v1.0.0");
  }

  @Test
  void mergeRequestsOpenedAndUpdatedAreQueuedAndClosedIsIgnored() {
    for (String action : new String[] {"open", "update"}) {
      EventRecord mr = queued(deliver("Merge Request Hook",
          payload("gitlab/merge_request-" + action + ".json"), ORDERS_TOKEN));
      assertThat(mr.kind()).isEqualTo(EventKind.PULL_REQUEST);
      assertThat(mr.prNumber()).isEqualTo(7);
      assertThat(mr.baseRef()).isEqualTo("main");
      assertThat(mr.ref()).isEqualTo("feature/orders-v2");
      assertThat(mr.headSha()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
    }
    ReceiverHarness.Answer closed =
        deliver("Merge Request Hook", payload("gitlab/merge_request-close.json"), ORDERS_TOKEN);
    assertThat(closed.status()).isEqualTo(202);
    assertThat(closed.json().getString("status")).isEqualTo("ignored");
  }

  @Test
  void anUnrelatedEventIsIgnored() {
    ReceiverHarness.Answer answer = deliver("Issue Hook", payload("gitlab/issue.json"), ORDERS_TOKEN);
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("reason")).isEqualTo("event 'Issue Hook' is not acted on");
  }

  @Test
  void aWrongMissingOrTruncatedTokenIs401() {
    byte[] body = payload("gitlab/push.json");
    assertThat(deliver("Push Hook", body, "not-the-token").status()).isEqualTo(401);
    assertThat(deliver("Push Hook", body, null).status()).isEqualTo(401);
    assertThat(deliver("Push Hook", body, ORDERS_TOKEN.substring(0, 5)).status()).isEqualTo(401);
    byte[] other = new String(body, StandardCharsets.UTF_8).replace("acme/data/orders", "acme/data/unknown")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(deliver("Push Hook", other, ORDERS_TOKEN).status()).isEqualTo(401);
  }

  @Test
  void aMissingFieldIs400NamingIt() {
    byte[] body = new String(payload("gitlab/merge_request-open.json"), StandardCharsets.UTF_8)
        .replace("\"last_commit\"", "\"previous_commit\"").getBytes(StandardCharsets.UTF_8);
    ReceiverHarness.Answer answer = deliver("Merge Request Hook", body, ORDERS_TOKEN);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errorMessage()).isEqualTo("field 'object_attributes.last_commit.id': is required");
  }
}
