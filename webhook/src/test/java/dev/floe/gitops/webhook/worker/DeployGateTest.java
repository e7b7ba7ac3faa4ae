package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.GatesConfig;
import dev.floe.gitops.webhook.status.CommitStatus;
import dev.floe.gitops.webhook.status.PostResult;
import dev.floe.gitops.webhook.status.StatusClient;
import dev.floe.gitops.webhook.status.StatusGate;
import dev.floe.gitops.webhook.status.StatusState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploy gates through the real worker: pending → Gated (nothing pushed), success → deploys, failure → blocked. */
class DeployGateTest {

  private static final String SALES = "sales-analytics";
  private static final String ZERO = "0".repeat(40);

  @TempDir Path tmp;
  WorkerFixture fx;
  WorkerService service;
  Map<String, String> ciStatuses = new ConcurrentHashMap<>();
  List<CommitStatus> reported = new CopyOnWriteArrayList<>();

  @BeforeEach
  void seed() throws Exception {
    fx = WorkerFixture.overFile(tmp);
    fx.seed(SALES);
    EnvironmentConfig dev = new EnvironmentConfig("dev", fx.platforms.resolve("dev/platform.yaml"), Optional.empty(),
        Optional.empty(), Optional.of(new GatesConfig(List.of("ci/image"), Duration.ofMinutes(30))));
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
    StatusGate gate = new StatusGate(Map.of("dev", dev), (repo, sha) -> Optional.of(Map.copyOf(ciStatuses)),
        repo -> recorder, Clock.systemUTC());
    service = fx.service(tmp.resolve("data"), gate);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void pendingIsGatedThenTheReconcilerDeploysOnSuccessAndFinishesTheStatus() {
    String head = fx.head(SALES);
    ciStatuses.put("ci/image", "pending");

    DeployWorker.EventResult result = service.worker().handle(fx.push(SALES, ZERO, head));

    assertThat(result.outcomes().get("dev")).isEqualTo(new DeployOutcome.Gated(List.of("ci/image")));
    assertThat(result.outcomes().get("staging")).isInstanceOf(DeployOutcome.Deployed.class);
    assertThat(DeployWorker.toQueue(result)).isInstanceOf(dev.floe.gitops.webhook.queue.ProcessingOutcome.Done.class);
    assertThat(fx.deployLog(SALES, "dev")).isEmpty();

    assertThat(service.reconciler().tick().get("acme/" + SALES + " dev")).isInstanceOf(DeployOutcome.Gated.class);
    ciStatuses.put("ci/image", "success");
    Map<String, DeployOutcome> ticked = service.reconciler().tick();

    assertThat(ticked.values()).anySatisfy(o -> assertThat(o).isInstanceOf(DeployOutcome.Deployed.class));
    assertThat(fx.deployLog(SALES, "dev")).hasSize(1);
    assertThat(reported).singleElement().satisfies(s -> {
      assertThat(s.context()).isEqualTo("floe/deploy-dev");
      assertThat(s.sha()).isEqualTo(head);
      assertThat(s.state()).isEqualTo(StatusState.SUCCESS);
    });
  }

  @Test
  void aFailedGateBlocksTheDeployNamingTheGate() {
    ciStatuses.put("ci/image", "failure");

    DeployWorker.EventResult result = service.worker().handle(fx.push(SALES, ZERO, fx.head(SALES)));

    assertThat(result.outcomes().get("dev")).isEqualTo(new DeployOutcome.Invalid(
        List.of("blocked by deploy gate: gate ci/image is failure")));
    assertThat(fx.deployLog(SALES, "dev")).isEmpty();
    assertThat(fx.deployLog(SALES, "staging")).hasSize(1);
  }
}
