package dev.floe.gitops.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The faults, on seeded times within the commit phase: SIGKILL of the service followed by a restart (as a
 * supervisor would), and one Git host outage. Kills and the outage run on their own threads, so they can overlap.
 */
final class FaultInjector {

  /** One kill: when it happened (from the start of the commit phase) and how long the restart took to be ready. */
  record Kill(Duration at, Duration restart, long oldPid, long newPid) {}

  private final ServiceProcess service;
  private final GitHost git;
  private final List<Duration> killTimes;
  private final Duration outageAt;
  private final Duration outage;
  private final List<Kill> kills = new ArrayList<>();
  private volatile long lastFaultEndNanos;
  private volatile Throwable failure;
  private Thread killer;
  private Thread outager;
  private long phaseStart;

  FaultInjector(ServiceProcess service, GitHost git, SoakSettings settings, Random random) {
    this.service = service;
    this.git = git;
    long phase = settings.commitPhase().toMillis();
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i < settings.kills(); i++) {
      // not in the last fifth: the final life then carries load long enough for a steady resident-memory figure
      times.add(Duration.ofMillis((long) (phase * (0.03 + 0.77 * random.nextDouble()))));
    }
    times.sort(null);
    this.killTimes = List.copyOf(times);
    this.outageAt = Duration.ofMillis((long) (phase * (0.2 + 0.5 * random.nextDouble())));
    this.outage = settings.gitOutage();
  }

  List<Duration> killTimes() {
    return killTimes;
  }

  Duration outageAt() {
    return outageAt;
  }

  void start() {
    phaseStart = System.nanoTime();
    killer = new Thread(this::killAll, "soak-killer");
    outager = new Thread(this::outage, "soak-git-outage");
    killer.start();
    outager.start();
  }

  private void killAll() {
    try {
      for (Duration at : killTimes) {
        sleepUntil(at);
        // a kill never lands before the previous restart is ready: start() returns only then
        long oldPid = service.pid();
        Duration when = Duration.ofNanos(System.nanoTime() - phaseStart);
        service.kill();
        long restartStart = System.nanoTime();
        long newPid = service.start();
        long end = System.nanoTime();
        synchronized (kills) {
          kills.add(new Kill(when, Duration.ofNanos(end - restartStart), oldPid, newPid));
        }
        System.out.printf("soak: %6.1f s  SIGKILL pid %d, restarted as pid %d in %.1f s%n",
            when.toMillis() / 1000.0, oldPid, newPid, (end - restartStart) / 1e9);
        lastFaultEndNanos = Math.max(lastFaultEndNanos, end);
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  private void outage() {
    try {
      sleepUntil(outageAt);
      git.stop();
      System.out.printf("soak: %6.1f s  Git server stopped for %d s%n",
          (System.nanoTime() - phaseStart) / 1e9, outage.toSeconds());
      Thread.sleep(outage.toMillis());
      git.start();
      long end = System.nanoTime();
      System.out.printf("soak: %6.1f s  Git server back%n", (end - phaseStart) / 1e9);
      lastFaultEndNanos = Math.max(lastFaultEndNanos, end);
    } catch (Throwable e) {
      failure = e;
    }
  }

  private void sleepUntil(Duration at) throws InterruptedException {
    long wait = phaseStart + at.toNanos() - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** Waits for every fault to have happened and been repaired. */
  void join() throws InterruptedException {
    killer.join();
    outager.join();
    if (failure != null) {
      throw new IllegalStateException("fault injection failed: " + failure, failure);
    }
  }

  List<Kill> kills() {
    synchronized (kills) {
      return List.copyOf(kills);
    }
  }

  long lastFaultEndNanos() {
    return lastFaultEndNanos;
  }
}
