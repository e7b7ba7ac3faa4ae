package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.queue.EmbeddedKafkaBroker;
import dev.floe.gitops.webhook.queue.EventConsumerLoop;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.KafkaBrokerExtension;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueTestSupport;
import dev.floe.gitops.webhook.queue.TopicsInitializer;
import dev.floe.gitops.webhook.status.CommitStatus;
import dev.floe.gitops.webhook.status.PostResult;
import dev.floe.gitops.webhook.status.PreviewMode;
import dev.floe.gitops.webhook.status.ReportLinks;
import dev.floe.gitops.webhook.status.ReportStore;
import dev.floe.gitops.webhook.status.ReportingProcessor;
import dev.floe.gitops.webhook.status.StatusClient;
import dev.floe.gitops.webhook.status.StatusState;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event the queue gives up on (its repository cannot be fetched, every attempt is transient) ends on the real
 * dead-letter topic, and every check it opened ends {@code failure} saying so and what an operator does: none is left
 * pending.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetteredEventStatusesTest {

  private static final String SALES = "sales-analytics";

  @TempDir Path tmp;
  Vertx vertx;
  ExecutorService git;
  ExecutorService statuses;
  WorkerFixture fx;
  final List<CommitStatus> posted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    git = Executors.newFixedThreadPool(2);
    statuses = Executors.newSingleThreadExecutor();
    fx = WorkerFixture.overFile(tmp);
    fx.seed(SALES);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
    git.shutdownNow();
    statuses.shutdownNow();
    fx.close();
  }

  @Test
  void aPushTheQueueGivesUpOnFinishesItsDeployStatusesAsFailedNamingTheDlq(EmbeddedKafkaBroker broker)
      throws Exception {
    String head = fx.head(SALES);
    QueueSettings settings = runQueue(broker, "dlq-push");

    publishWithTheHostGone(settings, fx.push(SALES, "0".repeat(40), head));

    Map<String, CommitStatus> last = awaitFinal(List.of("floe/deploy-dev", "floe/deploy-staging"));
    assertThat(last.values()).allSatisfy(s -> {
      assertThat(s.sha()).isEqualTo(head);
      assertThat(s.description()).startsWith("dead-lettered; fix the cause, then floe-gitops dlq replay: gave up after 2 attempts");
    });
    assertThat(QueueTestSupport.readAll(broker.bootstrapServers(), settings.deadLetterTopic(), 1)).hasSize(1);
  }

  @Test
  void aPullRequestTheQueueGivesUpOnFinishesItsChecksAsFailed(EmbeddedKafkaBroker broker) throws Exception {
    fx.work(SALES).run("checkout", "-q", "-b", "feature");
    String pr = fx.changeFloeOn(SALES, "dlq", "refs/pull/5/head");
    QueueSettings settings = runQueue(broker, "dlq-pr");

    publishWithTheHostGone(settings, EventRecord.pullRequest(Provider.GITHUB, "pr-dlq", "acme/" + SALES, "x",
        "refs/heads/feature", pr, "main", 5, null, WorkerFixture.CLOCK.instant(), null));

    Map<String, CommitStatus> last = awaitFinal(List.of("floe/dev", "floe/staging"));
    assertThat(last.values()).allSatisfy(s -> {
      assertThat(s.sha()).isEqualTo(pr);
      assertThat(s.description()).startsWith("dead-lettered; fix the cause, then floe-gitops dlq replay:");
    });
  }

  /** The real worker with statuses around it, on topics of its own, two attempts per event before the DLQ. */
  private QueueSettings runQueue(EmbeddedKafkaBroker broker, String name) throws Exception {
    WorkerService service = fx.service(tmp.resolve("data"));
    StatusClient host = new StatusClient() {
      @Override
      public PostResult post(CommitStatus status) {
        posted.add(status);
        return new PostResult.Posted("");
      }

      @Override
      public PostResult upsertComment(int pullRequest, String body) {
        return new PostResult.Posted("1");
      }
    };
    ReportingProcessor reporting = new ReportingProcessor(new ReportingProcessor.Wiring(
        List.of(fx.repository(SALES)), service.worker()::handle, r -> host,
        env -> PreviewMode.of(Optional.empty(), env), ReportLinks.none(), new ReportStore(10), git, statuses,
        Duration.ofSeconds(10)));
    QueueSettings settings = QueueTestSupport.settings(broker, name)
        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(50));
    TopicsInitializer.ensureTopics(vertx, settings).await(20, TimeUnit.SECONDS);
    vertx.deployVerticle(new EventConsumerLoop(settings, reporting, attempt -> Duration.ofMillis(10)))
        .await(20, TimeUnit.SECONDS);
    return settings;
  }

  /** Moves the host's repository away, so every fetch fails (transient), then queues the event. */
  private void publishWithTheHostGone(QueueSettings settings, EventRecord event) throws Exception {
    Files.move(fx.hosts.resolve(SALES + ".git"), fx.hosts.resolve(SALES + ".gone"));
    EventPublisher publisher = EventPublisher.create(vertx, settings, new EventRecordCodec());
    publisher.publish(event).await(20, TimeUnit.SECONDS);
    publisher.close().await(10, TimeUnit.SECONDS);
  }

  /** Waits until every context's latest status reports the dead letter; answers those statuses. */
  private Map<String, CommitStatus> awaitFinal(List<String> contexts) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      Map<String, CommitStatus> last = latest();
      return last.keySet().containsAll(contexts)
          && last.values().stream().allMatch(s -> s.description().startsWith("dead-lettered"));
    });
    Map<String, CommitStatus> last = latest();
    assertThat(last).containsOnlyKeys(contexts);
    assertThat(last.values()).extracting(CommitStatus::state).containsOnly(StatusState.FAILURE);
    return last;
  }

  private Map<String, CommitStatus> latest() {
    Map<String, CommitStatus> last = new LinkedHashMap<>();
    posted.forEach(s -> last.put(s.context(), s));
    return last;
  }
}
