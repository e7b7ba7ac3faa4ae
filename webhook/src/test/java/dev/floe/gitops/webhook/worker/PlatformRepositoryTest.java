package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.config.WorkerConfig;
import dev.floe.gitops.webhook.git.CGit;
import dev.floe.gitops.webhook.git.GitAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environments.<env>.platformRepository: platform.yaml read from a Git repository instead of local disk. */
class PlatformRepositoryTest {

  private static final Duration REFRESH = Duration.ofSeconds(10);

  @TempDir Path tmp;

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T05:00:00Z"));
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };

  private CGit work;
  private Path bare;

  /** A platform repository as the platform team keeps it: platform/<env>/platform.yaml on main. */
  private String platformRepository(Path platforms) throws IOException {
    bare = tmp.resolve("hosts/platform.git");
    Files.createDirectories(bare);
    new CGit(bare).run("init", "-q", "--bare", "-b", "main");
    Path dir = Files.createDirectories(tmp.resolve("work/platform"));
    for (String env : List.of("dev", "staging")) {
      Files.createDirectories(dir.resolve("platform/" + env));
      Files.copy(platforms.resolve(env + "/platform.yaml"), dir.resolve("platform/" + env + "/platform.yaml"));
    }
    work = new CGit(dir);
    work.run("init", "-q", "-b", "main");
    work.run("add", "-A");
    work.run("commit", "-q", "-m", "platforms");
    work.run("remote", "add", "origin", bare.toString());
    work.run("push", "-q", "origin", "main");
    return bare.toUri().toString();
  }

  private void changePlatform(String env, String line) throws IOException {
    Path file = work.dir().resolve("platform/" + env + "/platform.yaml");
    Files.writeString(file, Files.readString(file) + line + "\n");
    work.run("commit", "-q", "-am", "tune " + env);
    work.run("push", "-q", "origin", "main");
  }

  private PlatformRepositoryFiles files(String url, String branch) {
    Map<String, EnvironmentConfig> envs = Map.of(
        "dev", new EnvironmentConfig("dev", Path.of("platform/dev/platform.yaml"), Optional.of(url), Optional.empty(),
            Optional.empty(), branch),
        "staging", new EnvironmentConfig("staging", Path.of("platform/staging/platform.yaml"), Optional.of(url),
            Optional.empty(), Optional.empty(), branch));
    return new PlatformRepositoryFiles(envs, tmp.resolve("data"), u -> GitAccess.NONE, clock, REFRESH);
  }

  @Test
  void readsTheBranchHeadAndFetchesAgainOnlyAfterTheRefreshInterval() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      String url = platformRepository(fx.platforms);
      try (PlatformRepositoryFiles files = files(url, "main")) {
        byte[] first = files.read("dev");
        assertThat(first).isEqualTo(Files.readAllBytes(fx.platforms.resolve("dev/platform.yaml")));

        changePlatform("dev", "# tuned");
        assertThat(files.read("dev")).as("within the refresh interval").isEqualTo(first);
        now.set(now.get().plus(REFRESH));
        assertThat(new String(files.read("dev"), StandardCharsets.UTF_8)).endsWith("# tuned\n");

        // the host goes away: the last fetched commit keeps serving
        Files.move(bare, tmp.resolve("hosts/gone.git"));
        now.set(now.get().plus(REFRESH));
        assertThat(new String(files.read("dev"), StandardCharsets.UTF_8)).endsWith("# tuned\n");
      }
    }
  }

  @Test
  void aMissingFileBranchOrHostIsAnErrorThatSaysWhereItLooked() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      String url = platformRepository(fx.platforms);
      try (PlatformRepositoryFiles files = files(url, "release")) {
        assertThatThrownBy(() -> files.read("dev")).isInstanceOf(IOException.class)
            .hasMessageContaining("no branch 'release'").hasMessageContaining("environments.dev.platformBranch");
      }
      work.run("rm", "-q", "platform/staging/platform.yaml");
      work.run("commit", "-q", "-m", "drop staging");
      work.run("push", "-q", "origin", "main");
      try (PlatformRepositoryFiles files = new PlatformRepositoryFiles(Map.of("staging", new EnvironmentConfig(
          "staging", Path.of("platform/staging/platform.yaml"), Optional.of(url), Optional.empty(), Optional.empty(),
          "main")), tmp.resolve("data2"), u -> GitAccess.NONE, clock, REFRESH)) {
        assertThatThrownBy(() -> files.read("staging")).isInstanceOf(IOException.class)
            .hasMessageContaining("'platform/staging/platform.yaml' is not a file")
            .hasMessageContaining("environments.staging.platform");
      }
      try (PlatformRepositoryFiles files = files(tmp.resolve("hosts/nowhere.git").toUri().toString(), "main")) {
        assertThatThrownBy(() -> files.read("dev")).isInstanceOf(IOException.class)
            .hasMessageContaining("cannot fetch the platform repository");
      }
    }
  }

  @Test
  void aPlatformChangePushedToThePlatformRepositoryReRendersEveryServedRepository() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      String url = platformRepository(fx.platforms);
      RepositoryConfig sales = fx.seed("sales-analytics");
      try (PlatformRepositoryFiles platforms = files(url, "main");
          WorkerService service = new WorkerService(new WorkerService.Wiring(tmp.resolve("data"), List.of(sales),
              WorkerConfig.defaults(), platforms, GitCredentials.none(), PolicyEngine.defaults(), WorkerFixture.CLOCK,
              new EnvironmentDeployer.Settings(1, a -> Duration.ZERO, d -> { }), Runnable::run))) {
        assertThat(service.reconciler().tick().values()).allMatch(o -> o instanceof DeployOutcome.Deployed);

        changePlatform("dev", "# tuned by the platform team");
        now.set(now.get().plus(REFRESH));
        Map<String, DeployOutcome> second = service.reconciler().tick();

        assertThat(second).containsOnlyKeys("acme/sales-analytics dev");
        assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Delivery")).isEqualTo("platform-change");
        assertThat(fx.trailer("sales-analytics", "deploy/dev", "Floe-Platform-Digest"))
            .isEqualTo(EnvironmentDeployer.digest(platforms.read("dev")));
        assertThat(fx.trailer("sales-analytics", "deploy/staging", "Floe-Delivery")).isEqualTo("reconcile");
      }
    }
  }

  /** A branch of the platform repository as a pull request head, pushed to GitHub's PR ref. */
  private String proposePlatform(int number, String env, java.util.function.UnaryOperator<String> edit) throws IOException {
    work.run("checkout", "-q", "-B", "pr-" + number, "main");
    Path file = work.dir().resolve("platform/" + env + "/platform.yaml");
    Files.writeString(file, edit.apply(Files.readString(file)));
    work.run("commit", "-q", "-am", "propose " + env);
    work.run("push", "-q", "-f", "origin", "HEAD:refs/pull/" + number + "/head");
    String head = work.run("rev-parse", "HEAD").trim();
    work.run("checkout", "-q", "main");
    return head;
  }

  private static dev.floe.gitops.webhook.event.EventRecord platformPullRequest(String url, int number, String head) {
    return dev.floe.gitops.webhook.event.EventRecord.pullRequest(dev.floe.gitops.webhook.event.Provider.GITHUB,
        "pr-delivery-" + number, "acme/platform", url, "refs/heads/pr-" + number, head, "refs/heads/main", number,
        null, Instant.parse("2026-11-29T05:00:00Z"), null);
  }

  @Test
  void aPullRequestOnThePlatformRepositoryPreviewsEveryServedRepositoryOfTheEnvironmentsItChanges() throws Exception {
    try (WorkerFixture fx = WorkerFixture.overFile(tmp)) {
      String url = platformRepository(fx.platforms);
      RepositoryConfig sales = fx.seed("sales-analytics");
      RepositoryConfig platformRepo = new RepositoryConfig("acme/platform", sales.provider(), url, Optional.empty(),
          List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
      try (PlatformRepositoryFiles platforms = files(url, "main");
          WorkerService service = new WorkerService(new WorkerService.Wiring(tmp.resolve("data"),
              List.of(sales, platformRepo), WorkerConfig.defaults(), platforms, GitCredentials.none(),
              PolicyEngine.defaults(), WorkerFixture.CLOCK, new EnvironmentDeployer.Settings(1, a -> Duration.ZERO, d -> { }),
              Runnable::run))) {
        service.reconciler().tick();
        String deployedDev = fx.bare("sales-analytics").run("rev-parse", "deploy/dev").trim();

        // more threads for dev's DuckDB: sales-analytics still compiles, and its rendered files change
        String tuned = proposePlatform(7, "dev", text -> text.replace("threads: 8", "threads: 16"));
        DeployWorker.EventResult result = service.worker().handle(platformPullRequest(url, 7, tuned));

        assertThat(result.ignored()).isNull();
        assertThat(result.outcomes()).isEmpty();
        assertThat(result.platform()).containsOnlyKeys("dev"); // staging's file is the same in the pull request
        assertThat(result.platform().get("dev")).containsOnlyKeys("acme/sales-analytics");
        assertThat(result.platform().get("dev").get("acme/sales-analytics"))
            .isInstanceOfSatisfying(DeployOutcome.Previewed.class, p -> assertThat(p.changedFiles()).isPositive());

        // removing the compute profile the pipeline names breaks it: the preview says where
        String broken = proposePlatform(8, "dev", text -> text.replace("  default:\n    type: duckdb", "  local:\n    type: duckdb"));
        DeployOutcome outcome = service.worker().handle(platformPullRequest(url, 8, broken))
            .platform().get("dev").get("acme/sales-analytics");
        assertThat(outcome).isInstanceOfSatisfying(DeployOutcome.Invalid.class,
            i -> assertThat(String.join("\n", i.errors())).contains("compute"));

        // previews never commit
        assertThat(fx.bare("sales-analytics").run("rev-parse", "deploy/dev").trim()).isEqualTo(deployedDev);
        assertThat(DeployWorker.toQueue(result)).isInstanceOf(dev.floe.gitops.webhook.queue.ProcessingOutcome.Done.class);
      }
    }
  }
}
