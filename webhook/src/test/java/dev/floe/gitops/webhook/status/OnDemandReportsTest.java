package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.webhook.worker.DeployOutcome;
import dev.floe.gitops.webhook.worker.DeployWorker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages rendered on request: bounded, cached when final, "later" when the host cannot be reached. */
class OnDemandReportsTest {

  static final String SHA = GitHubStatusClientTest.SHA;
  static final DeployTarget DEV = new DeployTarget("dev", new DeployTarget.Branch("main"), "deploy/dev",
      "https://github.com/acme/sales.git");
  static final DeployOutcome INVALID = new DeployOutcome.Invalid(List.of("floe.yaml:14:7: unknown compute profile 'fast'"));

  final Vertx vertx = Vertx.vertx();
  final ReportStore store = new ReportStore(10);

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  OnDemandReports.Answer await(Future<OnDemandReports.Answer> answer) {
    return answer.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  @Test
  void rendersBeyondTheBoundAreToldToComeBackAndTheBoundIsFreedAfterwards() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    OnDemandReports reports = new OnDemandReports(store, env -> PreviewMode.FULL, 1);
    reports.bind((repository, environment, sha) -> {
      started.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.of(new DeployWorker.CommitPreview(DEV, INVALID));
    });

    Future<OnDemandReports.Answer> first = reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "dev"));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    OnDemandReports.Answer second = await(reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "staging")));
    release.countDown();

    assertThat(second).isInstanceOf(OnDemandReports.Answer.Later.class);
    assertThat(await(first)).isInstanceOfSatisfying(OnDemandReports.Answer.Page.class, p -> {
      assertThat(p.report().errors()).containsExactly("floe.yaml:14:7: unknown compute profile 'fast'");
      assertThat(p.report().verdict()).isEqualTo(
          "failure: floe.yaml:14:7: unknown compute profile 'fast' (recomputed from Git)");
    });
    assertThat(await(reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "staging"))))
        .isInstanceOf(OnDemandReports.Answer.Page.class);
  }

  @Test
  void aFinalVerdictIsCachedATransientOneIsNot() {
    AtomicInteger renders = new AtomicInteger();
    OnDemandReports reports = new OnDemandReports(store, env -> PreviewMode.FULL, 2);
    reports.bind((repository, environment, sha) -> {
      renders.incrementAndGet();
      return Optional.of(new DeployWorker.CommitPreview(DEV, environment.equals("dev") ? INVALID
          : new DeployOutcome.Transient("failed to fetch acme/sales: connection refused")));
    });

    await(reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "dev")));
    await(reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "dev")));
    OnDemandReports.Answer transientAnswer = await(reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "prod")));
    await(reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "prod")));

    assertThat(transientAnswer).isInstanceOfSatisfying(OnDemandReports.Answer.Later.class,
        l -> assertThat(l.why()).doesNotContain("connection refused"));
    assertThat(renders).hasValue(3);
    assertThat(store.get(ReportLinks.path("acme/sales", SHA, "dev"))).isPresent();
    assertThat(store.get(ReportLinks.path("acme/sales", SHA, "prod"))).isEmpty();
  }

  @Test
  void anUnservedRepositoryIsMissingAndAnUnboundWorkerIsLater() {
    OnDemandReports reports = new OnDemandReports(store, env -> PreviewMode.FULL, 2);
    assertThat(await(reports.answer(vertx, ReportLinks.path("acme/sales", SHA, "dev"))))
        .isInstanceOf(OnDemandReports.Answer.Later.class);

    reports.bind((repository, environment, sha) -> Optional.empty());

    assertThat(await(reports.answer(vertx, ReportLinks.path("acme/other", SHA, "dev"))))
        .isInstanceOf(OnDemandReports.Answer.Missing.class);
  }

  @Test
  void aPathKeepsItsRepositorySegmentsAndDecodesThem() {
    assertThat(ReportPath.parse(ReportLinks.path("acme/sales data", SHA, "dev")))
        .hasValue(new ReportPath("acme/sales data", SHA, "dev"));
    assertThat(ReportPath.parse("/reports/" + SHA + "/dev")).isEmpty();
    assertThat(ReportPath.parse("/reports/acme//" + SHA + "/dev")).isEmpty();
  }
}
