package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.GitProvider;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.config.WorkerConfig;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.Provider;
import dev.floe.gitops.webhook.git.CGit;
import dev.floe.gitops.webhook.git.GitHttpBackendServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Real Git for the worker's tests: bare "host" repositories seeded by C git from test-repos/, served over file:// or
 * smart HTTP (git http-backend), platform files copied from platform/ so a test can change them, and the checks C
 * git and kubectl make on the result.
 */
final class WorkerFixture implements AutoCloseable {

  static final Path ROOT = Path.of(System.getProperty("floe.repo.root", "..")).toAbsolutePath().normalize();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T05:00:00Z"), ZoneOffset.UTC);

  final Path tmp;
  final Path hosts;
  final Path platforms;
  final GitHttpBackendServer http;
  private final Map<String, CGit> work = new LinkedHashMap<>();
  private final Map<String, RepositoryConfig> repositories = new LinkedHashMap<>();
  private final AtomicInteger deliveries = new AtomicInteger();
  private final List<WorkerService> services = new ArrayList<>();

  private WorkerFixture(Path tmp, boolean overHttp) throws IOException {
    this.tmp = tmp;
    this.hosts = Files.createDirectories(tmp.resolve("hosts"));
    this.platforms = Files.createDirectories(tmp.resolve("platform"));
    this.http = overHttp ? new GitHttpBackendServer(hosts) : null;
    for (String env : List.of("dev", "staging", "prod")) {
      Files.createDirectories(platforms.resolve(env));
      Files.copy(ROOT.resolve("platform/" + env + "/platform.yaml"), platforms.resolve(env + "/platform.yaml"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static WorkerFixture overFile(Path tmp) throws IOException {
    return new WorkerFixture(tmp, false);
  }

  static WorkerFixture overHttp(Path tmp) throws IOException {
    return new WorkerFixture(tmp, true);
  }

  /** Seeds {@code test-repos/<seed>} as repository {@code acme/<seed>} deploying dev and staging from main. */
  RepositoryConfig seed(String seed) throws IOException {
    return seed(seed, List.of("dev", "staging"));
  }

  RepositoryConfig seed(String seed, List<String> environments) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("work/" + seed));
    copyTree(ROOT.resolve("test-repos/" + seed), dir);
    CGit git = new CGit(dir);
    git.run("init", "-q", "-b", "main");
    git.run("add", "-A");
    git.run("commit", "-q", "-m", "Initial pipeline");
    Path bare = hosts.resolve(seed + ".git");
    CGit.exec(hosts, List.of("git", "init", "-q", "--bare", "-b", "main", bare.toString()));
    new CGit(bare).run("config", "http.receivepack", "true");
    String url = http != null ? http.url(seed + ".git") : "file://" + bare;
    git.run("remote", "add", "origin", bare.toString());
    git.run("push", "-q", "origin", "main");
    work.put(seed, git);
    List<DeployTarget> targets = environments.stream()
        .map(e -> new DeployTarget(e, new DeployTarget.Branch("main"), "deploy/" + e, url)).toList();
    RepositoryConfig config = new RepositoryConfig("acme/" + seed, GitProvider.GITHUB, url, Optional.empty(), targets,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    repositories.put(seed, config);
    return config;
  }

  /** Seeds like {@link #seed} but with one environment fed by a tag pattern. */
  RepositoryConfig seedWithTagSource(String seed, String environment, String pattern) throws IOException {
    RepositoryConfig plain = seed(seed, List.of());
    RepositoryConfig tagged = new RepositoryConfig(plain.name(), plain.provider(), plain.url(), Optional.empty(),
        List.of(new DeployTarget(environment, new DeployTarget.TagPattern(pattern), "deploy/" + environment, plain.url())),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    repositories.put(seed, tagged);
    return tagged;
  }

  RepositoryConfig repository(String seed) {
    return repositories.get(seed);
  }

  CGit work(String seed) {
    return work.get(seed);
  }

  CGit bare(String seed) {
    return new CGit(hosts.resolve(seed + ".git"));
  }

  /** Writes a file in the working clone, commits and pushes it to the host; returns the new head. */
  String commit(String seed, String path, String content, String message) throws IOException {
    CGit git = work.get(seed);
    Path file = git.dir().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    git.run("add", "-A");
    git.run("commit", "-q", "-m", message);
    git.run("push", "-q", "origin", "HEAD:main");
    return git.run("rev-parse", "HEAD");
  }

  /** A floe.yaml change that changes the render: a new observability attribute. */
  String changeFloe(String seed, String value) throws IOException {
    Path floe = work.get(seed).dir().resolve("floe.yaml");
    String text = Files.readString(floe);
    text = text.replaceAll("(?m)^    revision: .*\\n", "");
    text = text.replace("  attributes:\n", "  attributes:\n    revision: \"" + value + "\"\n");
    return commit(seed, "floe.yaml", text, "floe: revision " + value);
  }

  /** Commits a floe.yaml change on the current branch and pushes it to {@code ref} only (a pull request's head). */
  String changeFloeOn(String seed, String value, String ref) throws IOException {
    CGit git = work.get(seed);
    Path floe = git.dir().resolve("floe.yaml");
    String text = Files.readString(floe).replace("  attributes:\n", "  attributes:\n    revision: \"" + value + "\"\n");
    Files.writeString(floe, text);
    git.run("commit", "-q", "-am", "floe: " + value);
    git.run("push", "-q", "origin", "HEAD:" + ref);
    return git.run("rev-parse", "HEAD");
  }

  String head(String seed) {
    return work.get(seed).run("rev-parse", "HEAD");
  }

  EventRecord push(String seed, String before, String after) {
    return EventRecord.push(Provider.GITHUB, "delivery-" + deliveries.incrementAndGet(), "acme/" + seed,
        "https://github.com/acme/" + seed + ".git", "refs/heads/main", before, after, CLOCK.instant(), null);
  }

  WorkerService service(Path dataDir) {
    return service(dataDir, PolicyEngine.defaults(), d -> Duration.ZERO, null);
  }

  WorkerService service(Path dataDir, PolicyEngine policy, dev.floe.gitops.webhook.queue.Backoff backoff,
      PlatformFiles platformsOverride) {
    return service(dataDir, policy, backoff, platformsOverride, DeployGate.OPEN);
  }

  /** With deploy gates. */
  WorkerService service(Path dataDir, DeployGate gate) {
    return service(dataDir, PolicyEngine.defaults(), d -> Duration.ZERO, null, gate);
  }

  WorkerService service(Path dataDir, PolicyEngine policy, dev.floe.gitops.webhook.queue.Backoff backoff,
      PlatformFiles platformsOverride, DeployGate gate) {
    Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
    for (String env : List.of("dev", "staging", "prod")) {
      envs.put(env, new EnvironmentConfig(env, platforms.resolve(env + "/platform.yaml"), Optional.empty()));
    }
    PlatformFiles files = platformsOverride != null ? platformsOverride : PlatformFiles.fromDisk(envs);
    WorkerService service = new WorkerService(new WorkerService.Wiring(dataDir, List.copyOf(repositories.values()),
        WorkerConfig.defaults(), files, GitCredentials.none(), policy, CLOCK,
        new EnvironmentDeployer.Settings(5, backoff, d -> Thread.sleep(d.toMillis()), gate), Runnable::run));
    services.add(service);
    return service;
  }

  void setPlatform(String env, String yaml) throws IOException {
    Files.writeString(platforms.resolve(env + "/platform.yaml"), yaml);
  }

  String platform(String env) throws IOException {
    return Files.readString(platforms.resolve(env + "/platform.yaml"));
  }

  /** Deploy commits on the host's deploy branch, newest first (empty when the branch does not exist). */
  List<String> deployLog(String seed, String env) {
    CGit.Result r = bare(seed).tryRun("log", "--format=%H", "deploy/" + env, "--");
    return r.exit() != 0 ? List.of() : Arrays.stream(r.output().trim().split("\n")).filter(s -> !s.isBlank()).toList();
  }

  String trailer(String seed, String rev, String key) {
    return bare(seed).run("log", "-1", "--format=%(trailers:key=" + key + ",valueonly)", rev).trim();
  }

  /** What C git and kubectl say about the host: fsck clean, every deploy branch builds with kustomize. */
  void verifyWithCGitAndKubectl(String seed) throws IOException {
    CGit bare = bare(seed);
    bare.run("fsck", "--full", "--strict");
    String branches = bare.run("for-each-ref", "--format=%(refname:short)", "refs/heads/deploy/");
    for (String branch : branches.split("\n")) {
      if (branch.isBlank()) {
        continue;
      }
      Path checkout = tmp.resolve("checkout/" + seed + "/" + branch.replace('/', '_') + "-" + System.nanoTime());
      CGit.exec(tmp, List.of("git", "clone", "-q", "-b", branch, bare.dir().toString(), checkout.toString()));
      assertThat(Files.exists(checkout.resolve("kustomization.yaml"))).as(branch + " has kustomization.yaml").isTrue();
      CGit.Result k = CGit.exec(checkout, List.of("kubectl", "kustomize", "."));
      assertThat(k.exit()).as("kubectl kustomize on " + branch + ":\n" + k.output()).isZero();
      String subject = bare.run("log", "-1", "--format=%s", branch);
      assertThat(subject).startsWith("floe: render ");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Override
  public void close() {
    services.forEach(WorkerService::close);
    if (http != null) {
      http.close();
    }
  }
}
