package dev.floe.gitops.webhook.bench;

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
import dev.floe.gitops.webhook.worker.DeployOutcome;
import dev.floe.gitops.webhook.worker.EnvironmentDeployer;
import dev.floe.gitops.webhook.worker.GitCredentials;
import dev.floe.gitops.webhook.worker.PlatformFiles;
import dev.floe.gitops.webhook.worker.WorkerService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Push-to-deploy-commit latency of the worker (p50, p95) over git http-backend, for sales-analytics and for a large
 * repository (10,000 commits, 5,000 files, generated with git fast-import) holding the same pipeline; then the same Git
 * work done by C git ({@code bench/cgit-deploy.sh}) against the same server. A main class run on demand (see
 * bench/README.md), not a test.
 *
 * <p>Measured per iteration: C git has pushed a floe.yaml change to the host; the clock runs from handing the push
 * event to the worker until its deploy commit is on the host (fetch, decide, compile, scan, commit, push).
 */
public final class PushToDeployDriver {

  private static final String ZERO = "0".repeat(40);

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Path root = Path.of(System.getProperty("floe.repo.root", ".")).toAbsolutePath().normalize();
    Path tmp = Files.createTempDirectory("floe-push-to-deploy");
    Path hosts = Files.createDirectories(tmp.resolve("hosts"));
    try (GitHttpBackendServer http = new GitHttpBackendServer(hosts)) {
      Path small = seedSmall(root, hosts.resolve("small.git"), tmp);
      Path large = seedLarge(root, hosts.resolve("large.git"), tmp);
      // the JIT first: a series of its own on the small repository, discarded, so neither measured series pays it
      measure(root, tmp, http, "jit-warm-up", small, 30);
      List<Long> smallTimes = measure(root, tmp, http, "small", small, iterations);
      List<Long> largeTimes = measure(root, tmp, http, "large", large, iterations);
      String cgit = cgit(root, tmp, http, small, iterations);
      System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
      System.out.printf("worker  sales-analytics       p50 %4d ms  p95 %4d ms  (n=%d)%n", p(smallTimes, 50), p(smallTimes, 95), iterations);
      System.out.printf("worker  large (10k c, 5k f)   p50 %4d ms  p95 %4d ms  (n=%d)  ratio p50 %.2f%n", p(largeTimes, 50),
          p(largeTimes, 95), iterations, p(largeTimes, 50) / (double) Math.max(1, p(smallTimes, 50)));
      System.out.printf("C git   sales-analytics       %s%n", cgit);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static List<Long> measure(Path root, Path tmp, GitHttpBackendServer http, String name, Path bare, int n)
      throws Exception {
    Path workDir = tmp.resolve("work-" + name);
    CGit.exec(tmp, List.of("git", "clone", "-q", bare.toString(), workDir.toString()));
    CGit work = new CGit(workDir);
    String url = http.url(bare.getFileName().toString());
    RepositoryConfig repo = new RepositoryConfig("acme/" + name, GitProvider.GITHUB, url, Optional.empty(),
        List.of(new DeployTarget("dev", new DeployTarget.Branch("main"), "deploy/dev", url)), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    PlatformFiles platform = PlatformFiles.fromDisk(Map.of("dev",
        new EnvironmentConfig("dev", root.resolve("platform/dev/platform.yaml"), Optional.empty())));
    try (WorkerService service = new WorkerService(new WorkerService.Wiring(tmp.resolve("data-" + name), List.of(repo),
        WorkerConfig.defaults(), platform, GitCredentials.none(), PolicyEngine.defaults(), Clock.systemUTC(),
        new EnvironmentDeployer.Settings(5, a -> Duration.ofMillis(10), EnvironmentDeployer.Sleeper.REAL), Runnable::run))) {
      String before = ZERO;
      List<Long> times = new ArrayList<>();
      int warmup = 5;
      for (int i = 0; i < warmup + n; i++) {
        String after = changeFloe(work, name + "-" + i);
        EventRecord event = EventRecord.push(Provider.GITHUB, name + "-" + i, "acme/" + name, url, "refs/heads/main",
            before, after, Instant.now(), null);
        long start = System.nanoTime();
        DeployOutcome outcome = service.worker().handle(event).outcomes().get("dev");
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!(outcome instanceof DeployOutcome.Deployed)) {
          throw new IllegalStateException(name + " iteration " + i + ": " + outcome.describe());
        }
        if (i >= warmup) {
          times.add(ms);
        }
        before = after;
      }
      return times;
    }
  }

  private static String changeFloe(CGit work, String value) throws IOException {
    Path floe = work.dir().resolve("floe.yaml");
    String text = Files.readString(floe).replaceAll("(?m)^    revision: .*\\n", "")
        .replace("  attributes:\n", "  attributes:\n    revision: \"" + value + "\"\n");
    Files.writeString(floe, text);
    work.run("commit", "-q", "-am", "floe: " + value);
    work.run("push", "-q", "origin", "HEAD:main");
    return work.run("rev-parse", "HEAD");
  }

  /** The same Git work by C git: fetch, write the rendered files of deploy/dev, commit, push. */
  private static String cgit(Path root, Path tmp, GitHttpBackendServer http, Path bare, int n) throws IOException {
    Path rendered = Files.createDirectories(tmp.resolve("rendered"));
    Path tar = tmp.resolve("rendered.tar");
    new CGit(bare).run("archive", "-o", tar.toString(), "deploy/dev");
    CGit.exec(rendered, List.of("tar", "xf", tar.toString()));
    CGit.Result r = CGit.exec(root, List.of("bash", root.resolve("bench/cgit-deploy.sh").toString(),
        http.url(bare.getFileName().toString()), rendered.toString(), String.valueOf(n + 5)));
    String[] lines = r.output().trim().split("\n");
    List<Long> times = new ArrayList<>();
    for (int i = 5; i < lines.length - 1; i++) { // drop the same warm-up as the worker's
      times.add(Long.parseLong(lines[i].trim()));
    }
    if (r.exit() != 0 || times.isEmpty()) {
      return "failed: " + r.output();
    }
    return String.format("p50 %4d ms  p95 %4d ms  (n=%d)", p(times, 50), p(times, 95), times.size());
  }

  private static Path seedSmall(Path root, Path bare, Path tmp) throws IOException {
    Path work = Files.createDirectories(tmp.resolve("seed-small"));
    copyTree(root.resolve("test-repos/sales-analytics"), work);
    CGit git = new CGit(work);
    git.run("init", "-q", "-b", "main");
    git.run("add", "-A");
    git.run("commit", "-q", "-m", "pipeline");
    CGit.exec(tmp, List.of("git", "init", "-q", "--bare", "-b", "main", bare.toString()));
    new CGit(bare).run("config", "http.receivepack", "true");
    git.run("push", "-q", bare.toString(), "main");
    return bare;
  }

  /** 10,000 commits over 5,000 files, the pipeline added in the last one; written by git fast-import in seconds. */
  private static Path seedLarge(Path root, Path bare, Path tmp) throws IOException {
    CGit.exec(tmp, List.of("git", "init", "-q", "--bare", "-b", "main", bare.toString()));
    new CGit(bare).run("config", "http.receivepack", "true");
    Path stream = tmp.resolve("large.fi");
    try (BufferedWriter out = Files.newBufferedWriter(stream, StandardCharsets.UTF_8)) {
      long time = 1_700_000_000L;
      int commits = 10_000;
      for (int c = 1; c <= commits; c++) {
        out.write("commit refs/heads/main\nmark :" + c + "\ncommitter Gen <gen@example.com> " + (time + c) + " +0000\n");
        data(out, "commit " + c);
        if (c > 1) {
          out.write("from :" + (c - 1) + "\n");
        }
        if (c == 1) {
          for (int f = 0; f < 5_000; f++) {
            inline(out, "data/d" + (f % 50) + "/file" + f + ".txt", "file " + f + "\n");
          }
        } else if (c < commits) {
          int f = (c * 7919) % 5_000;
          inline(out, "data/d" + (f % 50) + "/file" + f + ".txt", "file " + f + " at " + c + "\n");
        } else {
          Path pipeline = root.resolve("test-repos/sales-analytics");
          try (Stream<Path> files = Files.walk(pipeline)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
              inline(out, pipeline.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
          }
        }
      }
      out.write("done\n");
    }
    ProcessBuilder pb = new ProcessBuilder("git", "fast-import", "--quiet", "--done").directory(bare.toFile())
        .redirectInput(stream.toFile()).redirectErrorStream(true);
    try {
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("git fast-import failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    new CGit(bare).run("gc", "-q");
    return bare;
  }

  private static void data(BufferedWriter out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write("data " + bytes.length + "\n" + text + "\n");
  }

  private static void inline(BufferedWriter out, String path, String content) throws IOException {
    out.write("M 100644 inline " + path + "\n");
    data(out, content);
  }

  private static long p(List<Long> values, int percentile) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
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

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
