package dev.floe.gitops.webhook.receiver;

import static dev.floe.gitops.webhook.receiver.ReceiverHarness.ORG_SECRET;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.SALES_SECRET;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.hmacHex;
import static dev.floe.gitops.webhook.receiver.ReceiverHarness.payload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventKind;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueTestSupport;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GitHub deliveries end to end: loopback HTTP → receiver → a real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class GitHubReceiverTest {

  private static QueueSettings settings;
  private static EventPublisher publisher;
  private static RecordingSink sink;
  private static ReceiverHarness harness;

  @BeforeAll
  static void start(EmbeddedKafkaBroker broker) {
    settings = QueueTestSupport.settings(broker, "github-receiver");
    harness = new ReceiverHarness(r -> sink.publish(r));
    ReceiverHarness.await(TopicsInitializer.ensureTopics(harness.vertx, settings));
    publisher = EventPublisher.create(harness.vertx, settings, new EventRecordCodec());
    sink = new RecordingSink(publisher::publish);
  }

  @AfterAll
  static void stop() {
    ReceiverHarness.await(publisher.close());
    harness.close();
  }

  private static ReceiverHarness.Answer deliver(String event, byte[] body, String secret) {
    return harness.post("github")
        .header("X-GitHub-Event", event)
        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("X-Hub-Signature-256", "sha256=" + hmacHex(secret, body))
        .send(body);
  }

  @Test
  void aSignedPushIsQueuedWithTheConfiguredCloneUrlAndAnsweredAfterKafkaAcknowledged()
      throws Exception {
    byte[] body = payload("github/push.json");
    String id = UUID.randomUUID().toString();
    ReceiverHarness.Answer answer = harness.post("github")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", id)
        .header("X-Hub-Signature-256", "sha256=" + hmacHex(SALES_SECRET, body))
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .send(body);

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("queued");
    assertThat(answer.json().getString("delivery")).isEqualTo(id);
    // Durable before the answer: it is on the topic, under the repository's key.
    EventRecord onTopic = null;
    for (ConsumerRecord<String, byte[]> r : QueueTestSupport.readAll(settings.bootstrapServers(),
        settings.topic(), sink.published.size())) {
      EventRecord decoded = new EventRecordCodec().decode(r.value());
      if (decoded.deliveryId().equals(id)) {
        assertThat(r.key()).isEqualTo("acme/sales-analytics");
        onTopic = decoded;
      }
    }
    assertThat(onTopic).isNotNull();
    assertThat(onTopic.provider()).isEqualTo(Provider.GITHUB);
    assertThat(onTopic.kind()).isEqualTo(EventKind.PUSH);
    assertThat(onTopic.repository()).isEqualTo("acme/sales-analytics");
    // The payload's clone_url points elsewhere; only the configured URL is ever used (SSRF).
    assertThat(onTopic.cloneUrl()).isEqualTo("https://github.com/acme/sales-analytics.git");
    assertThat(onTopic.ref()).isEqualTo("refs/heads/main");
    assertThat(onTopic.before()).isEqualTo("6113728f27ae82c7b1a177c8d03f9e96e0adf246");
    assertThat(onTopic.after()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
    // The caller's trace continues with a span of our own.
    assertThat(onTopic.traceparent()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
        .doesNotContain("00f067aa0ba902b7");
  }

  @Test
  void aTagPushIsQueued() {
    byte[] body = payload("github/push-tag.json");
    ReceiverHarness.Answer answer = deliver("push", body, SALES_SECRET);
    assertThat(answer.status()).isEqualTo(202);
    EventRecord record = sink.forDelivery(answer.json().getString("delivery")).get(0);
    assertThat(record.ref()).isEqualTo("refs/tags/v1.2.0");
    assertThat(record.before()).isEqualTo("0".repeat(40));
    assertThat(record.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
  }

  @Test
  void aFormEncodedPushIsVerifiedOnTheFormBytesAndQueued() {
    String json = new String(payload("github/push.json"), StandardCharsets.UTF_8);
    byte[] body = ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.US_ASCII);
    ReceiverHarness.Answer answer = harness.post("github")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("X-Hub-Signature-256", "sha256=" + hmacHex(SALES_SECRET, body))
        .send(body);
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("queued");
  }

  @Test
  void pullRequestsOpenedAndSynchronizedAreQueuedAndClosedIsIgnored() {
    for (String action : new String[] {"opened", "synchronize"}) {
      ReceiverHarness.Answer answer =
          deliver("pull_request", payload("github/pull_request-" + action + ".json"), SALES_SECRET);
      assertThat(answer.status()).as(action).isEqualTo(202);
      EventRecord record = sink.forDelivery(answer.json().getString("delivery")).get(0);
      assertThat(record.kind()).isEqualTo(EventKind.PULL_REQUEST);
      assertThat(record.prNumber()).isEqualTo(42);
      assertThat(record.headSha()).isEqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
      assertThat(record.baseRef()).isEqualTo("main");
      assertThat(record.ref()).isEqualTo("feature/staging");
      assertThat(record.headRepository()).isNull();
    }
    ReceiverHarness.Answer closed =
        deliver("pull_request", payload("github/pull_request-closed.json"), SALES_SECRET);
    assertThat(closed.status()).isEqualTo(202);
    assertThat(closed.json().getString("status")).isEqualTo("ignored");
    assertThat(closed.json().getString("reason")).contains("closed");
  }

  @Test
  void aPullRequestFromAForkNamesTheFork() {
    ReceiverHarness.Answer answer =
        deliver("pull_request", payload("github/pull_request-fork.json"), SALES_SECRET);
    assertThat(answer.status()).isEqualTo(202);
    EventRecord record = sink.forDelivery(answer.json().getString("delivery")).get(0);
    assertThat(record.headRepository()).isEqualTo("contributor/sales-analytics");
  }

  @Test
  void pingIsAnsweredPong() {
    ReceiverHarness.Answer answer = deliver("ping", payload("github/ping.json"), SALES_SECRET);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getString("status")).isEqualTo("pong");
  }

  @Test
  void anUnrelatedEventIsIgnoredOnceVerified() {
    ReceiverHarness.Answer answer = deliver("issues", payload("github/issues.json"), SALES_SECRET);
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("ignored");
    assertThat(answer.json().getString("reason")).isEqualTo("event 'issues' is not acted on");

    ReceiverHarness.Answer unsigned = harness.post("github").header("X-GitHub-Event", "issues")
        .send(payload("github/issues.json"));
    assertThat(unsigned.status()).isEqualTo(401);
  }

  @Test
  void aRefDeletionAndAPushToADeployBranchAreIgnored() {
    String json = new String(payload("github/push.json"), StandardCharsets.UTF_8);
    byte[] deletion = json.replace("9fceb02d0ae598e95dc970b74767f19372d61af8", "0".repeat(40))
        .getBytes(StandardCharsets.UTF_8);
    ReceiverHarness.Answer deleted = deliver("push", deletion, SALES_SECRET);
    assertThat(deleted.status()).isEqualTo(202);
    assertThat(deleted.json().getString("reason")).isEqualTo("ref deleted");

    byte[] deploy = json.replace("refs/heads/main", "refs/heads/deploy/dev")
        .getBytes(StandardCharsets.UTF_8);
    ReceiverHarness.Answer ours = deliver("push", deploy, SALES_SECRET);
    assertThat(ours.status()).isEqualTo(202);
    assertThat(ours.json().getString("status")).isEqualTo("ignored");
    assertThat(ours.json().getString("reason")).isEqualTo("push to a deploy branch");
  }

  @Test
  void badMissingSha1AndTruncatedSignaturesAre401() {
    byte[] body = payload("github/push.json");
    String good = hmacHex(SALES_SECRET, body);
    ReceiverHarness.Answer wrong = harness.post("github").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "d1").header("X-Hub-Signature-256", "sha256=" + hmacHex("guess", body))
        .send(body);
    ReceiverHarness.Answer missing = harness.post("github").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "d2").send(body);
    ReceiverHarness.Answer sha1 = harness.post("github").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "d3").header("X-Hub-Signature", "sha1=0123456789abcdef0123456789abcdef01234567")
        .send(body);
    ReceiverHarness.Answer truncated = harness.post("github").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "d4").header("X-Hub-Signature-256", "sha256=" + good.substring(0, 40))
        .send(body);
    ReceiverHarness.Answer tampered = harness.post("github").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", "d5").header("X-Hub-Signature-256", "sha256=" + good)
        .send(new String(body, StandardCharsets.UTF_8).replace("refs/heads/main", "refs/heads/mail")
            .getBytes(StandardCharsets.UTF_8));

    for (ReceiverHarness.Answer a : new ReceiverHarness.Answer[] {wrong, missing, sha1, truncated, tampered}) {
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.errorCode()).isEqualTo("unauthorized");
    }
    assertThat(missing.errorMessage()).contains("X-Hub-Signature-256");
    assertThat(sha1.errorMessage()).contains("SHA-1");
    assertThat(sink.calls).noneMatch(r -> r.deliveryId().matches("d[1-5]"));
  }

  @Test
  void anUnknownRepositoryIs401AndUnderAnOrganisationSecret403() {
    String json = new String(payload("github/push.json"), StandardCharsets.UTF_8);
    byte[] elsewhere = json.replace("acme/sales-analytics", "other/unknown").getBytes(StandardCharsets.UTF_8);
    assertThat(deliver("push", elsewhere, SALES_SECRET).status()).isEqualTo(401);

    byte[] acmeUnserved = json.replace("acme/sales-analytics", "acme/not-served").getBytes(StandardCharsets.UTF_8);
    ReceiverHarness.Answer forbidden = deliver("push", acmeUnserved, ORG_SECRET);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.errorCode()).isEqualTo("forbidden");
    // The same body with a wrong signature does not tell a served repository from an unserved one.
    assertThat(deliver("push", acmeUnserved, "guess").status()).isEqualTo(401);
  }

  @Test
  void anOrganisationSecretVerifiesItsServedRepositoriesAndOrganisationLevelEvents() {
    String json = new String(payload("github/push.json"), StandardCharsets.UTF_8);
    byte[] marketing = json.replace("acme/sales-analytics", "acme/marketing").getBytes(StandardCharsets.UTF_8);
    ReceiverHarness.Answer queued = deliver("push", marketing, ORG_SECRET);
    assertThat(queued.status()).isEqualTo(202);
    EventRecord record = sink.forDelivery(queued.json().getString("delivery")).get(0);
    assertThat(record.repository()).isEqualTo("acme/marketing");
    assertThat(record.cloneUrl()).isEqualTo("https://github.com/acme/marketing.git");

    // The org secret also verifies a repository configured with a secret of its own.
    assertThat(deliver("push", payload("github/push.json"), ORG_SECRET).status()).isEqualTo(202);

    byte[] orgEvent = payload("github/org-member_added.json");
    ReceiverHarness.Answer ignored = deliver("organization", orgEvent, ORG_SECRET);
    assertThat(ignored.status()).isEqualTo(202);
    assertThat(ignored.json().getString("status")).isEqualTo("ignored");
    assertThat(deliver("organization", orgEvent, SALES_SECRET).status()).isEqualTo(401);
  }

  @Test
  void malformedPayloadsAre400NamingWhatIsWrong() {
    String json = new String(payload("github/push.json"), StandardCharsets.UTF_8);
    byte[] noAfter = json.replace("\"after\"", "\"afterwards\"").getBytes(StandardCharsets.UTF_8);
    ReceiverHarness.Answer missing = deliver("push", noAfter, SALES_SECRET);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("bad_request");
    assertThat(missing.errorMessage()).isEqualTo("field 'after': is required");

    byte[] shortSha = json.replace("\"6113728f27ae82c7b1a177c8d03f9e96e0adf246\"", "\"6113728\"")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(deliver("push", shortSha, SALES_SECRET).errorMessage()).startsWith("field 'before':");

    // Broken after the repository name: the name selects the secret, the parse finds the break.
    byte[] broken = "{\"repository\":{\"full_name\":\"acme/sales-analytics\"},\"ref\": [}"
        .getBytes(StandardCharsets.UTF_8);
    ReceiverHarness.Answer syntax = deliver("push", broken, SALES_SECRET);
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.errorMessage()).startsWith("body is not valid JSON (line 1, column");

    ReceiverHarness.Answer noDelivery = harness.post("github").header("X-GitHub-Event", "push")
        .header("X-Hub-Signature-256", "sha256=" + hmacHex(SALES_SECRET, payload("github/push.json")))
        .send(payload("github/push.json"));
    assertThat(noDelivery.status()).isEqualTo(400);
    assertThat(noDelivery.errorMessage()).contains("X-GitHub-Delivery");
  }

  @Test
  void anUnsupportedContentTypeIs415BeforeAnythingElse() {
    ReceiverHarness.Answer answer = harness.post("github").header("Content-Type", "text/plain")
        .send(payload("github/push.json"));
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.errorCode()).isEqualTo("unsupported_media_type");
  }

  @Test
  void theSameDeliveryTwiceIsQueuedOnceAndAnsweredDuplicate() {
    byte[] body = payload("github/push.json");
    String id = UUID.randomUUID().toString();
    ReceiverHarness.Post post = harness.post("github").header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", id)
        .header("X-Hub-Signature-256", "sha256=" + hmacHex(SALES_SECRET, body));
    double before = harness.counter("floe.webhook.duplicates", "provider", "github");

    ReceiverHarness.Answer first = post.send(body);
    ReceiverHarness.Answer second = post.send(body);

    assertThat(first.json().getString("status")).isEqualTo("queued");
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.json().getString("status")).isEqualTo("duplicate");
    assertThat(second.json().getString("delivery")).isEqualTo(id);
    assertThat(sink.calls.stream().filter(r -> r.deliveryId().equals(id))).hasSize(1);
    assertThat(harness.counter("floe.webhook.duplicates", "provider", "github")).isEqualTo(before + 1);
  }

  @Test
  void answersAreCountedByProviderAndStatusWithoutRepositoryNames() {
    deliver("ping", payload("github/ping.json"), SALES_SECRET);
    deliver("push", payload("github/push.json"), SALES_SECRET);
    assertThat(harness.counter("floe.webhook.requests", "provider", "github", "status", "200"))
        .isGreaterThanOrEqualTo(1);
    assertThat(harness.metrics.scrape()).contains("floe_webhook_requests_total")
        .contains("floe_webhook_publish_seconds").doesNotContain("sales-analytics");
  }
}
