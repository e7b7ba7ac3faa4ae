package dev.floe.gitops.bench.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** The figures of one run, printed as the lines bench/RESULTS.md quotes. */
record SoakReport(SoakSettings settings, int commits, int floeChanges, int modelChanges, int readmeChanges,
    int deliveriesPlanned, int droppedByDesign, int duplicated, WebhookSender.Counts deliveries,
    List<FaultInjector.Kill> kills, Duration outageAt, Duration commitPhase, Duration convergeAfterLastFault,
    Duration convergeAfterLastCommit, boolean converged, DeployVerifier.Verdict verdict,
    List<RssSampler.Life> lives, long serviceErrorLines, long serviceNonJsonLines, String heapAtRest,
    String loadBefore, String loadAfter, Duration total) {

  static final long GOAL_KIB = 768L * 1024;

  void print(PrintStream out) {
    out.println();
    out.println("=== soak report (seed " + settings.seed() + "; rerun with -Dsoak.seed=" + settings.seed() + ") ===");
    out.printf("machine: nproc %d, java %s, load average before %s, after %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore, loadAfter);
    out.printf("repositories %d x environments 2, commits %d (floe.yaml %d, model %d, README only %d) in %.0f s%n",
        settings.repositories(), commits, floeChanges, modelChanges, readmeChanges, commitPhase.toMillis() / 1000.0);
    out.printf("deliveries: planned %d, dropped by design %d, duplicated %d; sent %d -> queued %d, duplicate %d, "
            + "other %d; retries %d; given up after %d attempts %d%n",
        deliveriesPlanned, droppedByDesign, duplicated, deliveries.sent(), deliveries.queued(),
        deliveries.duplicateAnswers(), deliveries.otherAnswers(), deliveries.retries(), settings.deliveryAttempts(),
        deliveries.givenUp());
    double meanRestart = kills.stream().mapToLong(k -> k.restart().toMillis()).average().orElse(0) / 1000.0;
    double maxRestart = kills.stream().mapToLong(k -> k.restart().toMillis()).max().orElse(0) / 1000.0;
    out.printf("faults: %d SIGKILLs (restart to ready: mean %.1f s, max %.1f s), Git server down %d s at %.0f s%n",
        kills.size(), meanRestart, maxRestart, settings.gitOutage().toSeconds(), outageAt.toMillis() / 1000.0);
    out.printf("converged: %s, %.1f s after the last fault ended, %.1f s after the last commit%n",
        converged, convergeAfterLastFault.toMillis() / 1000.0, convergeAfterLastCommit.toMillis() / 1000.0);
    out.printf("deploy commits: %d; violations: %d; service log: %d records at level ERROR, %d lines not JSON%n",
        verdict.deployCommits(), verdict.violations().size(), serviceErrorLines, serviceNonJsonLines);
    verdict.violations().forEach(v -> out.println("  VIOLATION " + v));
    verdict.pending().forEach(p -> out.println("  NOT CONVERGED " + p));
    long overallMax = 0;
    out.println("resident memory (VmRSS) per process life: life pid samples steady(MiB) max(MiB)");
    for (int i = 0; i < lives.size(); i++) {
      RssSampler.Life life = lives.get(i);
      overallMax = Math.max(overallMax, life.maxKib());
      out.printf("  %2d %7d %4d %7.0f %7.0f%n", i + 1, life.pid(), life.samplesKib().size(),
          life.steadyKib() / 1024.0, life.maxKib() / 1024.0);
    }
    out.printf("resident memory max %.0f MiB (goal <= 768 MiB: %s)%n", overallMax / 1024.0,
        overallMax <= GOAL_KIB ? "met" : "NOT met");
    out.println("heap (jcmd, last life) " + heapAtRest);
    out.printf("total run time %.0f s%n", total.toMillis() / 1000.0);
  }
}
