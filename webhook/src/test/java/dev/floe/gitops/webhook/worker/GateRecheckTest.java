package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.GatesConfig;
import dev.floe.gitops.webhook.status.CommitStatus;
import dev.floe.gitops.webhook.status.GateRechecks;
import dev.floe.gitops.webhook.status.PostResult;
import dev.floe.gitops.webhook.status.StatusClient;
import dev.floe.gitops.webhook.status.StatusGate;
import dev.floe.gitops.webhook.status.StatusState;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gate re-checks on their own Vert.x timers, with a short injected backoff and no reconciler running: a held head is
 * looked at again until its gate turns green and then deploys, or fails naming the gate once {@code maxWait} is reached.
 */
class GateRecheckTest {

  private static final String SALES = "sales-analytics";
  private static final String ZERO = "0".repeat(40);

  @TempDir Path tmp;
  WorkerFixture fx;
  Vertx vertx;
  final Map<String, String> ciStatuses = new ConcurrentHashMap<>();
  final List<CommitStatus> reported = new CopyOnWriteArrayList<>();
  final List<Integer> looks = new CopyOnWriteArrayList<>();

  @BeforeEach
  void seed() throws Exception {
    fx = WorkerFixture.overFile(tmp);
    fx.seed(SALES);
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
    fx.close();
  }

  WorkerService serviceWithGate(Duration maxWait) {
    EnvironmentConfig dev = new EnvironmentConfig("dev", fx.platforms.resolve("dev/platform.yaml"), Optional.empty(),
        Optional.empty(), Optional.of(new GatesConfig(List.of("ci/image"), maxWait)));
    StatusClient recorder = new StatusClient() {
      @Override
      public PostResult post(CommitStatus status) {
        reported.add(status);
        return new PostResult.Recorded();
      }

      @Override
      public PostResult upsertComment(int pullRequest, String body) {
        return new PostResult.Recorded();
      }
    };
    // 50 ms instead of 30 s doubling, still never past the deadline, as GateChecker.recheckAfter is
    GateRechecks rechecks = new GateRechecks(GateRechecks.Timer.vertx(vertx), (attempt, firstSeen, gates, now) -> {
      looks.add(attempt);
      Duration left = Duration.between(now, firstSeen.plus(gates.maxWait()));
      return left.isNegative() ? Duration.ZERO : (left.compareTo(Duration.ofMillis(50)) < 0 ? left : Duration.ofMillis(50));
    });
    StatusGate gate = new StatusGate(Map.of("dev", dev), (repo, sha) -> Optional.of(Map.copyOf(ciStatuses)),
        repo -> recorder, Clock.systemUTC(), rechecks);
    return fx.service(tmp.resolve("data"), gate);
  }

  @Test
  void aWaitingHeadIsLookedAtAgainOnItsOwnScheduleAndDeploysOnceItsGateSucceeds() {
    WorkerService service = serviceWithGate(Duration.ofMinutes(30));
    String head = fx.head(SALES);
    ciStatuses.put("ci/image", "pending");

    DeployWorker.EventResult result = service.worker().handle(fx.push(SALES, ZERO, head));

    assertThat(result.outcomes().get("dev")).isEqualTo(new DeployOutcome.Gated(List.of("ci/image")));
    await().atMost(Duration.ofSeconds(30)).until(() -> looks.size() >= 3);
    assertThat(List.copyOf(looks).subList(0, 3)).as("each look while pending schedules the next, backing off").containsExactly(1, 2, 3);
    assertThat(fx.deployLog(SALES, "dev")).isEmpty();

    ciStatuses.put("ci/image", "success");

    await().atMost(Duration.ofSeconds(30)).until(() -> fx.deployLog(SALES, "dev").size() == 1);
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Source-Commit")).isEqualTo(head);
    await().atMost(Duration.ofSeconds(10)).until(() -> !reported.isEmpty());
    assertThat(reported).singleElement().satisfies(s -> {
      assertThat(s.context()).isEqualTo("floe/deploy-dev");
      assertThat(s.sha()).isEqualTo(head);
      assertThat(s.state()).isEqualTo(StatusState.SUCCESS);
    });
    int settledAt = looks.size();
    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> looks.size() == settledAt);
  }

  @Test
  void aGateStillPendingAtMaxWaitFailsTheDeployNamingTheGate() {
    WorkerService service = serviceWithGate(Duration.ofSeconds(1));
    String head = fx.head(SALES);
    ciStatuses.put("ci/image", "pending");

    service.worker().handle(fx.push(SALES, ZERO, head));

    await().atMost(Duration.ofSeconds(30)).until(() -> !reported.isEmpty());
    assertThat(reported).singleElement().satisfies(s -> {
      assertThat(s.context()).isEqualTo("floe/deploy-dev");
      assertThat(s.sha()).isEqualTo(head);
      assertThat(s.state()).isEqualTo(StatusState.FAILURE);
      assertThat(s.description()).isEqualTo("blocked by deploy gate: gate ci/image not successful after 1s");
    });
    assertThat(fx.deployLog(SALES, "dev")).isEmpty();
  }
}
