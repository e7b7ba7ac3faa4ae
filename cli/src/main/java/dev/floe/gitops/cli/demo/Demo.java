package dev.floe.gitops.cli.demo;

import dev.floe.gitops.admission.AdmissionMetrics;
import dev.floe.gitops.admission.AdmissionRoutes;
import dev.floe.gitops.admission.AdmissionServer;
import dev.floe.gitops.admission.tls.SelfSignedCertificates;
import dev.floe.gitops.cli.PolicyConfigScanner;
import dev.floe.gitops.policy.PolicyConfig;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.ConfigSource;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.lifecycle.ExitCode;
import dev.floe.gitops.runtime.lifecycle.ServiceRuntime;
import dev.floe.gitops.runtime.logging.LoggingSetup;
import dev.floe.gitops.webhook.git.GitHttpBackendServer;
import dev.floe.gitops.webhook.service.WebhookService;
import dev.floe.gitops.webhook.status.CommitStatus;
import dev.floe.gitops.webhook.status.LocalStatusLog;
import dev.floe.gitops.webhook.status.StatusModule;
import dev.floe.gitops.webhook.status.StatusState;
import dev.floe.gitops.webhook.worker.DeployWorkerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code floe-gitops demo}: the whole product on a laptop, as seven named steps. A local bare repository served over
 * smart HTTP stands in for the Git host, this class stands in for the developer and for the kube-apiserver; everything
 * else is the real service (receiver, embedded Kafka, deploy worker, admission server) on loopback ports.
 */
public final class Demo {

  /**
   * Where the sample lives, where the demo may write (cleaned at start), whether to stay up afterwards, and whether
   * Ctrl-C should stop it through a JVM shutdown hook (off in-process, where an interrupt of the calling thread stops it).
   */
  public record Options(Path repoRoot, Path dataDir, boolean keep, boolean shutdownHook) {}

  static final String REPOSITORY = "demo/sales-analytics";
  static final String SECRET_REF = "demo-webhook-secret";
  static final String SECRET_VARIABLE = "DEMO_WEBHOOK_SECRET";
  static final String SIGNING_KEY_REF = "demo-report-signing-key";
  static final String SIGNING_KEY_VARIABLE = "DEMO_REPORT_SIGNING_KEY";
  static final String PR_CONTEXT = "floe/local";
  private static final int STEPS = 7;
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Pattern UNKNOWN_PROFILE = Pattern.compile("(?m)^(\\s+storage:\\s*)default\\s*$");

  private final PrintWriter out;
  private final Options options;
  private final Progress progress;

  private GitHttpBackendServer gitServer;
  private ServiceRuntime runtime;
  private DeployWorkerFactory workers;
  private StatusModule statuses;
  private Ports ports;
  private Path caBundle;

  public Demo(PrintWriter out, Options options) {
    this.out = out;
    this.options = options;
    this.progress = new Progress(out, STEPS);
  }

  record Ports(int traffic, int management, int admission) {}

  /** Runs the steps; 0 when every step did what it shows, 1 at the first step that did not (it says why). */
  public int run() {
    quietLog4j();
    try {
      Path work = options.dataDir().resolve("work");
      String url = progress.step("serving a bare repository over HTTP (git http-backend)", this::serveRepository);
      progress.detail(url);
      byte[] secret = randomSecret();
      progress.step("starting embedded Kafka, the webhook service and the admission server", () -> {
        startServices(url, secret);
        return null;
      });
      progress.detail("webhooks   http://127.0.0.1:" + ports.traffic() + "/hooks/github");
      progress.detail("admission  https://localhost:" + ports.admission() + "/validate (CA bundle: " + caBundle + ")");
      progress.detail("management http://127.0.0.1:" + ports.management() + "/metrics");
      CGit git = new CGit(work);
      String[] shas = progress.step("committing and pushing a schedule change to main", () -> pushScheduleChange(git));
      progress.detail("main " + shas[0].substring(0, 12) + " -> " + shas[1].substring(0, 12));
      String pushDelivery = "demo-push-" + UUID.randomUUID();
      String answer = progress.step("delivering a signed GitHub push webhook (HMAC-SHA256)", () -> deliver("push",
          pushDelivery, DemoRequests.pushPayload(REPOSITORY, "refs/heads/main", shas[0], shas[1]), secret));
      progress.detail("receiver answered " + answer);
      progress.step("waiting for the deploy commit on deploy/local", () -> waitForDeploy(git, shas[1]));
      showDeploy(git);
      String pr = progress.step("pull request #1: floe.yaml names an unknown storage profile", () ->
          pullRequest(git, secret));
      progress.detail(pr);
      String denial = progress.step("sending an AdmissionReview with an inline token over HTTPS", this::admissionReview);
      progress.detail(denial);
      if (options.keep()) {
        keepRunning(url);
      }
      progress.line("demo complete: push -> signed webhook -> Kafka -> worker -> deploy/local; a PR refused; "
          + "an inline secret denied at admission.");
      return stop() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    } catch (Progress.StepFailed e) {
      stop();
      return ExitCode.FAILURE.code();
    }
  }

  // --- step 1: the Git host ---

  private String serveRepository() throws Exception {
    CGit.version();
    Path sample = options.repoRoot().resolve("test-repos/sales-analytics");
    if (!Files.isRegularFile(sample.resolve("floe.yaml"))) {
      throw new Progress.StepFailed("no test-repos/sales-analytics/floe.yaml under " + options.repoRoot()
          + " (run from a floe-gitops checkout or pass --repo-root)");
    }
    clean(options.dataDir());
    Path hosts = Files.createDirectories(options.dataDir().resolve("git"));
    Path bare = hosts.resolve("sales-analytics.git");
    new CGit(hosts).run("init", "-q", "--bare", "-b", "main", bare.toString());
    new CGit(bare).run("config", "http.receivepack", "true");
    gitServer = new GitHttpBackendServer(hosts);
    String url = gitServer.url("sales-analytics.git");

    Path work = options.dataDir().resolve("work");
    copyTree(sample, work);
    CGit git = new CGit(work);
    git.run("init", "-q", "-b", "main");
    git.run("add", "-A");
    git.run("commit", "-q", "-m", "sales-analytics: import the pipeline");
    git.run("remote", "add", "origin", url);
    git.run("push", "-q", "origin", "main");
    return url;
  }

  // --- step 2: the service ---

  private void startServices(String url, byte[] secret) throws Exception {
    ports = new Ports(freePort(), freePort(), freePort());
    Path platform = options.repoRoot().resolve("platform/local/platform.yaml");
    String yaml = """
        profile: local
        server: {port: %d}
        management: {port: %d}
        publicUrl: "http://127.0.0.1:%d"
        reports:
          signingKey: {secret_ref: %s}
        dataDir: "%s"
        secretsDir: "%s"
        kafka: {}
        environments:
          local: {platform: "%s"}
        repositories:
          - name: %s
            provider: github
            url: "%s"
            webhookSecret: {secret_ref: %s}
            deploy:
              - {environment: local, branch: main}
        worker:
          reconcileInterval: 30s
          author: {name: floe-gitops demo, email: demo@floe.invalid}
        admission:
          port: %d
        logging: {format: text, level: ERROR}
        """.formatted(ports.traffic(), ports.management(), ports.traffic(), SIGNING_KEY_REF,
        options.dataDir().resolve("service"),
        options.dataDir().resolve("secrets"), platform, REPOSITORY, url, SECRET_REF, ports.admission());
    // The secrets reach the service the way a deployment hands them over: through the environment map, by reference.
    Map<String, String> environment = Map.of(SECRET_VARIABLE, new String(secret, StandardCharsets.US_ASCII),
        SIGNING_KEY_VARIABLE, new String(randomSecret(), StandardCharsets.US_ASCII));
    ConfigLoadResult result = new ConfigLoader(new PolicyConfigScanner(PolicyEngine.defaults())).load(
        ConfigSource.ofText(yaml, options.dataDir().resolve("floe-gitops.yaml"), environment, Map.of(),
            options.repoRoot()));
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      throw new Progress.StepFailed("the demo's configuration is invalid:\n" + invalid.report());
    }
    GitopsConfig config = ((ConfigLoadResult.Loaded) result).config();
    LoggingSetup.apply(config.logging().format(), config.logging().level());

    runtime = ServiceRuntime.create(config, environment, "127.0.0.1");
    workers = new DeployWorkerFactory(2);
    // as serve does: statuses and the PR comment around the worker (recorded locally: the demo has no Git host token),
    // signed report pages under /reports on the webhook port
    statuses = new StatusModule(config, runtime.secrets(), Clock.systemUTC());
    WebhookService.register(runtime, config, statuses.around(workers), "127.0.0.1", statuses::routes);

    SelfSignedCertificates.Generated tls = SelfSignedCertificates.ensure(config.dataDir(), Clock.systemUTC().instant());
    caBundle = tls.caBundle();
    AdmissionMetrics metrics = new AdmissionMetrics(runtime.metrics());
    AdmissionServer admission = new AdmissionServer(runtime.vertx(),
        new AdmissionServer.Listen("127.0.0.1", ports.admission(), 1, Duration.ofSeconds(2)),
        AdmissionRoutes.router(runtime.vertx(), config.admission(),
            new PolicyEngine(PolicyConfig.fromMap(config.policy())), metrics),
        tls.files(), metrics, Clock.systemUTC());
    runtime.health().register("admission", admission::readiness);
    runtime.lifecycle().register(admission);
    runtime.start().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  // --- steps 3 to 5: push, webhook, deploy ---

  private String[] pushScheduleChange(CGit git) throws Exception {
    String before = git.run("rev-parse", "HEAD").trim();
    Path floe = git.dir().resolve("floe.yaml");
    String text = Files.readString(floe);
    String changed = text.replace("cron: \"0 6 * * *\"", "cron: \"30 5 * * *\"");
    if (changed.equals(text)) {
      throw new Progress.StepFailed("test-repos/sales-analytics/floe.yaml no longer has the daily_refresh cron "
          + "\"0 6 * * *\" the demo changes");
    }
    Files.writeString(floe, changed);
    git.run("commit", "-q", "-am", "sales-analytics: refresh at 05:30 UTC\n\nThe upstream export now lands at 05:00.");
    git.run("push", "-q", "origin", "main");
    return new String[] {before, git.run("rev-parse", "HEAD").trim()};
  }

  private String deliver(String event, String deliveryId, String payload, byte[] secret) throws Exception {
    HttpResponse<String> answer = DemoRequests.gitHubDelivery(ports.traffic(), event, deliveryId, payload, secret);
    if (answer.statusCode() != 202) {
      throw new Progress.StepFailed("the receiver answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.statusCode() + " " + answer.body();
  }

  private Void waitForDeploy(CGit git, String sourceCommit) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (git.run("ls-remote", "origin", "refs/heads/deploy/local").isBlank()) {
        Thread.sleep(250);
        continue;
      }
      git.run("fetch", "-q", "origin", "+refs/heads/deploy/local:refs/remotes/origin/deploy/local");
      String source = git.run("log", "-1", "--format=%(trailers:key=Floe-Source-Commit,valueonly)",
          "refs/remotes/origin/deploy/local").trim();
      if (sourceCommit.equals(source)) {
        return null;
      }
      Thread.sleep(250);
    }
    throw new Progress.StepFailed("deploy/local did not reach source commit " + sourceCommit + " within "
        + WAIT.toSeconds() + " s (statuses recorded so far: " + recordedStatuses() + ")");
  }

  private void showDeploy(CGit git) throws Progress.StepFailed {
    String ref = "refs/remotes/origin/deploy/local";
    progress.detail("deploy commit " + git.run("rev-parse", ref).trim());
    for (String line : git.run("log", "-1", "--format=%B", ref).strip().split("\n")) {
      progress.detail(line.isBlank() ? "" : "  " + line);
    }
    progress.detail("rendered files:");
    for (String file : git.run("ls-tree", "-r", "--name-only", ref).strip().split("\n")) {
      progress.detail("  " + file);
    }
  }

  // --- step 6: a pull request that does not compile ---

  private String pullRequest(CGit git, byte[] secret) throws Exception {
    git.run("checkout", "-q", "-b", "archive-storage");
    Path floe = git.dir().resolve("floe.yaml");
    Matcher storage = UNKNOWN_PROFILE.matcher(Files.readString(floe));
    if (!storage.find()) {
      throw new Progress.StepFailed("test-repos/sales-analytics/floe.yaml no longer has \"storage: default\"");
    }
    Files.writeString(floe, storage.replaceFirst("$1archive"));
    git.run("commit", "-q", "-am", "sales-analytics: keep raw data on archive storage");
    // what a Git host does on "open pull request": the branch, and the PR head under refs/pull/<n>/head
    git.run("push", "-q", "origin", "archive-storage", "HEAD:refs/pull/1/head");
    String head = git.run("rev-parse", "HEAD").trim();
    deliver("pull_request", "demo-pr-" + UUID.randomUUID(),
        DemoRequests.pullRequestPayload(REPOSITORY, 1, "archive-storage", head, "main"), secret);
    CommitStatus status = awaitFinalStatus(head);
    if (status.state() != StatusState.FAILURE) {
      throw new Progress.StepFailed("expected " + PR_CONTEXT + " to fail on the PR head, it is " + status.state()
          + ": " + status.description());
    }
    String link = status.targetUrl().orElseThrow(() -> new Progress.StepFailed(
        "the " + PR_CONTEXT + " status carries no report link"));
    HttpResponse<byte[]> page = DemoRequests.get(link);
    if (page.statusCode() != 200) {
      throw new Progress.StepFailed("the report page answered " + page.statusCode() + ": " + link);
    }
    StringBuilder shown = new StringBuilder("status " + PR_CONTEXT + " on " + head.substring(0, 12)
        + " (recorded locally, no Git host token): " + status.state().name().toLowerCase(java.util.Locale.ROOT)
        + "\n      " + status.description()
        + "\n      report page: " + link + " (" + page.statusCode() + ", " + page.body().length + " bytes)");
    awaitComment(1).ifPresent(row -> shown.append("\n      PR comment (recorded locally): ").append(row));
    return shown.toString();
  }

  /** The final (not pending) {@code floe/local} status the worker's reporting recorded for {@code sha}. */
  private CommitStatus awaitFinalStatus(String sha) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<CommitStatus> last = localLog().entries().stream().map(LocalStatusLog.Entry::status)
          .filter(s -> s != null && s.sha().equals(sha) && s.context().equals(PR_CONTEXT)
              && s.state() != StatusState.PENDING)
          .reduce((a, b) -> b);
      if (last.isPresent()) {
        return last.get();
      }
      Thread.sleep(100);
    }
    throw new Progress.StepFailed("no final " + PR_CONTEXT + " status for " + sha + " within " + WAIT.toSeconds()
        + " s (recorded so far: " + recordedStatuses() + ")");
  }

  /** The first row of the recorded PR comment's table; the comment follows the statuses, so it may take a moment. */
  private Optional<String> awaitComment(int pullRequest) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> body = localLog().entries().stream()
          .filter(e -> e.comment() != null && Integer.valueOf(pullRequest).equals(e.pullRequest()))
          .map(LocalStatusLog.Entry::comment).reduce((a, b) -> b);
      if (body.isPresent()) {
        List<String> rows = body.get().lines().filter(l -> l.startsWith("|") && !l.startsWith("|---")).toList();
        return rows.size() > 1 ? Optional.of(rows.get(1)) : rows.stream().findFirst();
      }
      Thread.sleep(100);
    }
    return Optional.empty();
  }

  private LocalStatusLog localLog() {
    return statuses.localLog(REPOSITORY);
  }

  private String recordedStatuses() {
    if (statuses == null) {
      return "none";
    }
    List<String> recorded = localLog().entries().stream().map(LocalStatusLog.Entry::status)
        .filter(s -> s != null).map(s -> s.context() + " " + s.state() + " " + s.description()).toList();
    return recorded.isEmpty() ? "none" : String.join("; ", recorded);
  }

  // --- step 7: admission ---

  private String admissionReview() throws Exception {
    String uid = UUID.randomUUID().toString();
    HttpResponse<String> answer = DemoRequests.review(ports.admission(), caBundle,
        DemoRequests.admissionReview(uid, DemoRequests.fakeGitHubToken()));
    if (answer.statusCode() != 200 || !answer.body().contains("\"allowed\":false")) {
      throw new Progress.StepFailed("expected a denial, the admission server answered " + answer.statusCode() + ": "
          + answer.body());
    }
    Matcher message = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(answer.body());
    return "denied: " + (message.find() ? message.group(1).replace("\\\"", "\"") : answer.body());
  }

  // --- the end ---

  private void keepRunning(String url) {
    progress.line("");
    progress.line("Everything stays up until Ctrl-C. Try:");
    progress.line("  curl -s http://127.0.0.1:" + ports.management() + "/readyz");
    progress.line("  curl -s http://127.0.0.1:" + ports.management() + "/metrics | grep '^floe_'");
    progress.line("  git clone -b deploy/local " + url + " /tmp/deploy-local");
    progress.line("  cd " + options.dataDir().resolve("work") + " && git checkout -q main && "
        + "echo '# touch' >> floe.yaml && git commit -qam touch && git push -q origin main");
    progress.line("    (no webhook: the reconciler notices the new head within 30 s)");
    progress.line("  curl -s --cacert " + caBundle + " -H 'Content-Type: application/json' https://localhost:"
        + ports.admission() + "/validate -d '{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
        + "\"request\":{\"uid\":\"1\",\"operation\":\"CREATE\",\"kind\":{\"group\":\"\",\"version\":\"v1\","
        + "\"kind\":\"ConfigMap\"},\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
        + "{\"name\":\"db\"},\"data\":{\"password\":\"hunter2-but-longer\"}}}}'");
    if (options.shutdownHook()) {
      runtime.installShutdownHook(); // Ctrl-C: the orderly stop, then the hook halts with its exit code
    }
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // in-process use: an interrupt is the stop signal; fall through to the ordinary shutdown
      progress.line("stopping");
    }
  }

  /** Stops whatever started; true when the service stopped in order. */
  private boolean stop() {
    boolean clean = true;
    if (runtime != null) {
      try {
        ExitCode exit = runtime.lifecycle().shutdown(ExitCode.OK).toCompletionStage().toCompletableFuture()
            .get(90, TimeUnit.SECONDS).exitCode();
        clean = exit == ExitCode.OK;
      } catch (Exception e) {
        out.println("shutdown did not finish cleanly: " + Progress.rootMessage(e));
        clean = false;
      }
      try {
        runtime.vertx().close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        clean = false;
      }
    }
    if (statuses != null) {
      statuses.close();
    }
    if (workers != null) {
      try {
        workers.close();
      } catch (Exception e) {
        clean = false;
      }
    }
    if (gitServer != null) {
      gitServer.close();
    }
    out.flush();
    return clean;
  }

  /**
   * Kafka's dependencies log through the Log4j 2 API, which complains on stderr that no implementation is present; its
   * simple context keeps the demo's output to the steps. A choice the user made explicitly wins.
   */
  private static void quietLog4j() {
    if (System.getProperty("log4j2.loggerContextFactory") == null) {
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }
  }

  private static byte[] randomSecret() {
    byte[] raw = new byte[24];
    new SecureRandom().nextBytes(raw);
    return HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void clean(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** The folder holding test-repos/ and platform/: the working directory or one above it. */
  public static Optional<Path> findRepoRoot(Path start) {
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("test-repos")) && Files.isDirectory(p.resolve("platform"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
