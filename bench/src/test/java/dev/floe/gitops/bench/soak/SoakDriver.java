package dev.floe.gitops.bench.soak;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One soak run, as named steps: set up the Git host and the service, make commits and deliver their webhooks while
 * the faults happen, wait for convergence, let the service settle, verify from Git, report.
 */
final class SoakDriver {

  private static final List<String> ENVIRONMENTS = List.of("dev", "staging");
  private static final String SECRET_REF = "soak-webhook-secret";

  private final SoakSettings settings;

  SoakDriver(SoakSettings settings) {
    this.settings = settings;
  }

  SoakReport run() throws Exception {
    long runStart = System.nanoTime();
    String loadBefore = loadAverage();
    Path work = clean(settings.workDir());
    Path hostRoot = Files.createDirectories(work.resolve("host"));
    Path clones = Files.createDirectories(work.resolve("clones"));
    Path secrets = Files.createDirectories(work.resolve("secrets"));
    Path logs = Files.createDirectories(work.resolve("logs"));
    Random random = new Random(settings.seed());

    // the Git host and its repositories
    List<SourceRepository> repositories = new ArrayList<>();
    Path sample = settings.repoRoot().resolve("test-repos/sales-analytics");
    for (int i = 0; i < settings.repositories(); i++) {
      String bare = "pipeline-%02d.git".formatted(i);
      repositories.add(SourceRepository.create("soak/pipeline-%02d".formatted(i), bare, sample, hostRoot, clones));
    }
    Map<String, Path> platforms = new LinkedHashMap<>();
    Map<String, byte[]> platformBytes = new LinkedHashMap<>();
    for (String env : ENVIRONMENTS) {
      Path file = settings.repoRoot().resolve("platform/" + env + "/platform.yaml");
      platforms.put(env, file);
      platformBytes.put(env, Files.readAllBytes(file));
    }
    DeployVerifier verifier = new DeployVerifier(repositories.stream()
        .map(r -> new DeployVerifier.Served(r.name(), r.bare())).toList(), platformBytes);

    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String secretText = java.util.HexFormat.of().formatHex(secret);
    Path secretFile = secrets.resolve(SECRET_REF);
    Files.writeString(secretFile, secretText);
    Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));

    try (GitHost git = GitHost.serve(hostRoot)) {
      int port = freePort();
      int managementPort = freePort();
      ServiceConfig config = new ServiceConfig(port, managementPort, work.resolve("service"), secrets, SECRET_REF,
          platforms, repositories.stream()
              .map(r -> new ServiceConfig.Repository(r.name(), git.url(r.bare().getFileName().toString()))).toList());
      Path configFile = work.resolve("floe-gitops.yaml");
      Files.writeString(configFile, config.yaml());
      Path distribution = settings.repoRoot().resolve("cli/target/floe-gitops.jar");
      if (!Files.isRegularFile(distribution)) {
        throw new IllegalStateException("no distribution at " + distribution + " (build with -Psoak -am)");
      }
      try (ServiceProcess service = new ServiceProcess(distribution, configFile, settings.javaOpts(), logs,
              managementPort);
          RssSampler rss = new RssSampler(service::pid);
          WebhookSender sender = new WebhookSender(port, secretText.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              settings.deliveryAttempts(), settings.retryDelay())) {
        System.out.printf("soak: seed %d, %d repositories, %d commits, %d kills; work folder %s%n", settings.seed(),
            settings.repositories(), settings.commits(), settings.kills(), work);
        service.start();
        rss.start(2_000);
        FaultInjector faults = new FaultInjector(service, git, settings, new Random(settings.seed() ^ 0x5eedL));
        System.out.println("soak: kills at " + faults.killTimes().stream().map(d -> d.toMillis() / 1000 + "s").toList()
            + ", Git outage at " + faults.outageAt().toSeconds() + "s");

        // commits and deliveries, while the faults happen
        long phaseStart = System.nanoTime();
        faults.start();
        int[] kinds = new int[SourceRepository.Change.values().length];
        int dropped = 0;
        int duplicated = 0;
        for (int i = 0; i < settings.commits(); i++) {
          SourceRepository repo = repositories.get(random.nextInt(repositories.size()));
          SourceRepository.Pushed pushed = repo.commit(random);
          kinds[pushed.change().ordinal()]++;
          String delivery = new UUID(random.nextLong(), random.nextLong()).toString();
          double roll = random.nextDouble();
          if (roll < settings.dropRate()) {
            dropped++;
          } else {
            sender.deliver(delivery, pushed, Duration.ZERO);
            if (roll < settings.dropRate() + settings.duplicateRate()) {
              duplicated++;
              sender.deliver(delivery, pushed, Duration.ofMillis(random.nextInt(5_000)));
            }
          }
          long due = phaseStart + settings.commitInterval().toNanos() * (i + 1);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
          }
        }
        long lastCommit = System.nanoTime();
        Duration commitPhase = Duration.ofNanos(lastCommit - phaseStart);
        System.out.printf("soak: %d commits made in %.0f s; waiting for the faults and deliveries to finish%n",
            settings.commits(), commitPhase.toMillis() / 1000.0);
        faults.join();
        sender.drain(Duration.ofMinutes(3));

        // convergence
        long convergeStart = Math.max(lastCommit, faults.lastFaultEndNanos());
        long deadline = System.nanoTime() + settings.convergeTimeout().toNanos();
        DeployVerifier.Verdict verdict = verifier.verify();
        while (!verdict.converged() && verdict.violations().isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(1_000);
          verdict = verifier.verify();
        }
        long converged = System.nanoTime();
        boolean didConverge = verdict.converged();
        System.out.printf("soak: %s %.1f s after the last fault%n", didConverge ? "converged" : "NOT converged",
            (converged - convergeStart) / 1e9);

        // at rest: memory without load, and no commit may appear now that everything is deployed
        if (didConverge) {
          Thread.sleep(settings.settle().toMillis());
          DeployVerifier.Verdict after = verifier.verify();
          if (after.deployCommits() != verdict.deployCommits()) {
            List<String> violations = new ArrayList<>(after.violations());
            violations.add("deploy commits went from " + verdict.deployCommits() + " to " + after.deployCommits()
                + " while nothing changed");
            after = new DeployVerifier.Verdict(after.converged(), violations, after.pending(), after.deployCommits());
          }
          verdict = after;
        }
        rss.close();
        String heap = heapInfo(service.pid());
        service.close();
        return new SoakReport(settings, settings.commits(), kinds[0], kinds[1], kinds[2], settings.commits(), dropped,
            duplicated, sender.counts(), faults.kills(), faults.outageAt(), commitPhase,
            Duration.ofNanos(converged - Math.max(faults.lastFaultEndNanos(), phaseStart)),
            Duration.ofNanos(converged - lastCommit), didConverge && verdict.converged(), verdict, rss.lives(),
            service.countInLogs(l -> l.contains("\"level\":\"ERROR\"")), service.countInLogs(l -> !l.startsWith("{")),
            heap, loadBefore, loadAverage(),
            Duration.ofNanos(System.nanoTime() - runStart));
      }
    }
  }

  /**
   * The JVM's own view of its heap at rest ({@code jcmd GC.heap_info}), then again after a full collection
   * ({@code GC.run}): committed heap against the live set tells heap sizing apart from a leak.
   */
  private static String heapInfo(long pid) {
    String before = jcmd(pid, "GC.heap_info");
    jcmd(pid, "GC.run");
    String after = jcmd(pid, "GC.heap_info");
    return "at rest: " + before + " | after a full GC: " + after;
  }

  private static String jcmd(long pid, String command) {
    try {
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(pid), command).redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      jcmd.waitFor();
      return out.lines().filter(l -> l.contains("garbage-first heap") || l.contains("Metaspace"))
          .map(l -> l.strip().replaceAll("\\s*\\[.*$", "").replaceAll("\\s+", " "))
          .reduce((a, b) -> a + "; " + b).orElse(out.strip());
    } catch (IOException e) {
      return "jcmd failed: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Path clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
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
    return Files.createDirectories(dir);
  }
}
