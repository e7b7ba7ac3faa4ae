package dev.floe.gitops.bench.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a soak run is told, as one value. Every field has a {@code soak.*} system property so a run can be
 * repeated (same seed) or shortened while developing the driver.
 *
 * @param seed seeds every random choice: which repository a commit goes to, which deliveries are dropped or duplicated,
 *     when the service is killed and when the Git host goes away
 * @param repositories bare repositories on the Git host
 * @param commits commits made across them
 * @param commitInterval pause between two commits (the commit phase lasts about {@code commits × commitInterval})
 * @param kills SIGKILLs of the service during the commit phase
 * @param duplicateRate share of deliveries sent twice with the same delivery id
 * @param dropRate share of deliveries never sent (the reconciler must catch them)
 * @param gitOutage how long the Git server is stopped, once
 * @param deliveryAttempts attempts per delivery while the service is down, then it counts as dropped
 * @param retryDelay pause between those attempts
 * @param convergeTimeout how long the deploy branches may take to match their sources after the last fault
 * @param settle how long the service keeps running after convergence (resident memory at rest, no late commits)
 * @param javaOpts JVM options of the service, as the chart passes them
 * @param repoRoot the checkout (samples, platform files, the built distribution)
 * @param workDir scratch folder of this run (deleted at start)
 */
record SoakSettings(long seed, int repositories, int commits, Duration commitInterval, int kills, double duplicateRate,
    double dropRate, Duration gitOutage, int deliveryAttempts, Duration retryDelay, Duration convergeTimeout,
    Duration settle, String javaOpts, Path repoRoot, Path workDir) {

  /**
   * The chart's {@code webhook.javaOpts} inside its 2 GiB memory limit: {@code MaxRAM} stands in for the container
   * limit the JVM would see in the pod.
   */
  static final String CHART_JAVA_OPTS =
      "-XX:MaxRAM=2g -XX:MaxRAMPercentage=25 -XX:G1PeriodicGCInterval=60000 -XX:+ExitOnOutOfMemoryError";

  static SoakSettings fromSystemProperties() {
    Path root = Path.of(System.getProperty("floe.repo.root", "..")).toAbsolutePath().normalize();
    return new SoakSettings(
        Long.getLong("soak.seed", System.nanoTime() & 0xffffffL),
        Integer.getInteger("soak.repositories", 10),
        Integer.getInteger("soak.commits", 300),
        Duration.ofMillis(Long.getLong("soak.commitIntervalMs", 900)),
        Integer.getInteger("soak.kills", 10),
        Double.parseDouble(System.getProperty("soak.duplicateRate", "0.10")),
        Double.parseDouble(System.getProperty("soak.dropRate", "0.05")),
        Duration.ofSeconds(Long.getLong("soak.gitOutageSeconds", 30)),
        Integer.getInteger("soak.deliveryAttempts", 5),
        Duration.ofMillis(Long.getLong("soak.retryDelayMs", 2_000)),
        Duration.ofSeconds(Long.getLong("soak.convergeTimeoutSeconds", 240)),
        Duration.ofSeconds(Long.getLong("soak.settleSeconds", 45)),
        System.getProperty("soak.javaOpts", CHART_JAVA_OPTS),
        root,
        Path.of(System.getProperty("soak.workDir", root.resolve("bench/target/soak").toString())).toAbsolutePath());
  }

  Duration commitPhase() {
    return commitInterval.multipliedBy(commits);
  }
}
