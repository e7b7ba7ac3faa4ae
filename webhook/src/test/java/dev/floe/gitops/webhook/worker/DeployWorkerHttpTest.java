package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's scenarios over smart HTTP (git http-backend behind the JDK's HttpServer). */
class DeployWorkerHttpTest {

  private static final String ZERO = "0".repeat(40);
  private static final String SALES = "sales-analytics";

  @TempDir Path tmp;
  WorkerFixture fx;
  WorkerService service;
  String initial;

  @BeforeEach
  void seed() throws Exception {
    fx = WorkerFixture.overHttp(tmp);
    fx.seed(SALES);
    service = fx.service(tmp.resolve("data"));
    initial = fx.head(SALES);
  }

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  void firstRenderOverHttpCreatesTheBranchAndCGitAgrees() throws Exception {
    DeployWorker.EventResult result = service.worker().handle(fx.push(SALES, ZERO, initial));

    assertThat(result.outcomes().values()).hasSize(2).allMatch(o -> o instanceof DeployOutcome.Deployed);
    fx.verifyWithCGitAndKubectl(SALES);
  }

  @Test
  void tenQuickPushesEndAtTheNewestHeadWithoutMovingBackwards() throws Exception {
    service.worker().handle(fx.push(SALES, ZERO, initial));
    List<EventRecord> queued = new ArrayList<>();
    String before = initial;
    for (int i = 0; i < 10; i++) {
      String after = fx.changeFloe(SALES, "burst-" + i);
      queued.add(fx.push(SALES, before, after));
      before = after;
      if (i % 4 == 3) {
        // the worker catches up now and then, as a partition would
        service.worker().handle(queued.remove(0));
      }
    }
    queued.forEach(e -> service.worker().handle(e));

    List<String> log = fx.deployLog(SALES, "dev");
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Source-Commit")).isEqualTo(before);
    assertThat(log.size()).isLessThanOrEqualTo(1 + 3 + 1); // bursts collapse: far fewer commits than pushes
    assertSourcesNeverMoveBackwards(log);
    fx.verifyWithCGitAndKubectl(SALES);
  }

  @Test
  void twoWorkersRacingOnOneBranchBothFinishThroughCompareAndSwap() throws Exception {
    WorkerService other = fx.service(tmp.resolve("data-other"));
    service.worker().handle(fx.push(SALES, ZERO, initial));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean failed = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    List<EventRecord> events = new ArrayList<>();
    String before = initial;
    for (int i = 0; i < 4; i++) {
      String after = fx.changeFloe(SALES, "race-" + i);
      events.add(fx.push(SALES, before, after));
      before = after;
    }
    for (WorkerService worker : List.of(service, other)) {
      done.add(pool.submit(() -> {
        start.await();
        for (EventRecord e : events) {
          for (DeployOutcome o : worker.worker().handle(e).outcomes().values()) {
            if (!(o instanceof DeployOutcome.Deployed || o instanceof DeployOutcome.Unchanged)) {
              failed.set(true);
            }
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(failed).isFalse();
    assertThat(fx.trailer(SALES, "deploy/dev", "Floe-Source-Commit")).isEqualTo(before);
    assertSourcesNeverMoveBackwards(fx.deployLog(SALES, "dev"));
    fx.verifyWithCGitAndKubectl(SALES);
  }

  @Test
  void aLostCompareAndSwapFetchesDecidesAgainAndRetries() throws Exception {
    service.worker().handle(fx.push(SALES, ZERO, initial));
    String first = fx.changeFloe(SALES, "first");
    WorkerService rival = fx.service(tmp.resolve("data-rival"));
    AtomicBoolean interfered = new AtomicBoolean();
    // the platform file is read after the fetch and before the push: the rival moves the branch right then
    PlatformFiles racing = env -> {
      if (interfered.compareAndSet(false, true)) {
        try {
          String second = fx.changeFloe(SALES, "second");
          assertThat(rival.worker().handle(fx.push(SALES, first, second)).outcomes().get("dev"))
              .isInstanceOf(DeployOutcome.Deployed.class);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return java.nio.file.Files.readAllBytes(fx.platforms.resolve(env + "/platform.yaml"));
    };
    WorkerService loser = fx.service(tmp.resolve("data-loser"), dev.floe.gitops.policy.PolicyEngine.defaults(),
        a -> java.time.Duration.ofMillis(1), racing);

    Map<String, DeployOutcome> result = loser.worker().handle(fx.push(SALES, initial, first)).outcomes();

    // its first push was refused; it fetched, saw the rival's newer head and found that tree already deployed
    assertThat(result.get("dev")).isInstanceOf(DeployOutcome.Unchanged.class);
    assertThat(fx.deployLog(SALES, "dev")).hasSize(2);
    fx.verifyWithCGitAndKubectl(SALES);
  }

  @Test
  void aPullRequestCompilesPerEnvironmentWithoutCommitting() throws Exception {
    service.worker().handle(fx.push(SALES, ZERO, initial));
    var work = fx.work(SALES);
    work.run("checkout", "-q", "-b", "feature");
    String pr = fx.changeFloeOn(SALES, "pr", "refs/pull/7/head");

    EventRecord event = EventRecord.pullRequest(Provider.GITHUB, "pr-1", "acme/" + SALES, "x", "refs/heads/feature",
        pr, "main", 7, "someone/fork", WorkerFixture.CLOCK.instant(), null);
    DeployWorker.EventResult result = service.worker().handle(event);

    assertThat(result.outcomes()).containsOnlyKeys("dev", "staging");
    assertThat(result.outcomes().get("dev")).isInstanceOfSatisfying(DeployOutcome.Previewed.class,
        p -> assertThat(p.changedFiles()).isPositive());
    assertThat(fx.deployLog(SALES, "dev")).hasSize(1);
  }

  private void assertSourcesNeverMoveBackwards(List<String> logNewestFirst) {
    var bare = fx.bare(SALES);
    String newer = null;
    for (String deploy : logNewestFirst) {
      String source = fx.trailer(SALES, deploy, "Floe-Source-Commit");
      if (newer != null && !newer.equals(source)) {
        assertThat(bare.tryRun("merge-base", "--is-ancestor", source, newer).exit())
            .as(source + " is older than " + newer).isZero();
      }
      newer = source;
    }
  }
}
