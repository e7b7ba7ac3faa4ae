package dev.floe.gitops.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code floe-gitops serve} from the built distribution as a separate JVM, started again on the same configuration
 * and data folder after each kill. Each start is one "life"; its output goes to {@code service-<life>.log}.
 */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final List<String> command;
  private final Path logDir;
  private final int managementPort;
  private volatile Process process;
  private volatile int life;

  ServiceProcess(Path distribution, Path config, String javaOpts, Path logDir, int managementPort) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String opt : javaOpts.trim().split("\\s+")) {
      if (!opt.isEmpty()) {
        cmd.add(opt);
      }
    }
    cmd.addAll(List.of("-jar", distribution.toString(), "serve", "--config", config.toString()));
    this.command = List.copyOf(cmd);
    this.logDir = logDir;
    this.managementPort = managementPort;
  }

  /** Starts a new life and waits until {@code /readyz} answers 200. */
  synchronized long start() throws IOException, InterruptedException {
    life++;
    Path log = logDir.resolve("service-" + life + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // the service reads FLOE_GITOPS_* as configuration: only the file may configure it here
    pb.environment().keySet().removeIf(k -> k.startsWith("FLOE_GITOPS_"));
    process = pb.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue() + " during start; see " + log);
      }
      if (ready()) {
        return process.pid();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the service was not ready within " + START_TIMEOUT + "; see " + log);
  }

  private boolean ready() {
    try {
      HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + managementPort + "/readyz")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL, as the kernel's OOM killer or a node failure would: no shutdown hook runs. */
  synchronized void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the service survived SIGKILL for 30 s");
    }
  }

  long pid() {
    return process == null ? -1 : process.pid();
  }

  int life() {
    return life;
  }

  Path logDir() {
    return logDir;
  }

  /** Lines of every life's log that match. */
  long countInLogs(java.util.function.Predicate<String> match) throws IOException {
    long n = 0;
    for (int i = 1; i <= life; i++) {
      Path log = logDir.resolve("service-" + i + ".log");
      if (Files.exists(log)) {
        try (var lines = Files.lines(log)) {
          n += lines.filter(match).count();
        }
      }
    }
    return n;
  }

  /** SIGTERM, then the grace period; the orderly stop at the end of the run. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(45, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
