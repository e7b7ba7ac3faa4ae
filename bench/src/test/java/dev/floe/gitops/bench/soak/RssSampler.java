package dev.floe.gitops.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The service's resident memory: {@code VmRSS} from {@code /proc/<pid>/status} every few seconds, grouped by process
 * life, so growth shows both within a life and from one life to the next.
 */
final class RssSampler implements AutoCloseable {

  /** One process life: its pid and its samples in KiB, oldest first. */
  record Life(long pid, List<Long> samplesKib) {

    long maxKib() {
      return samplesKib.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The median of the second half of the life: past start-up and the first renders. */
    long steadyKib() {
      if (samplesKib.isEmpty()) {
        return 0;
      }
      List<Long> late = new ArrayList<>(samplesKib.subList(samplesKib.size() / 2, samplesKib.size()));
      late.sort(null);
      return late.get(late.size() / 2);
    }
  }

  private final LongSupplier pid;
  private final Map<Long, List<Long>> samples = new LinkedHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rss-sampler");
    t.setDaemon(true);
    return t;
  });

  RssSampler(LongSupplier pid) {
    this.pid = pid;
  }

  void start(long periodMillis) {
    timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    long p = pid.getAsLong();
    if (p <= 0) {
      return;
    }
    readVmRssKib(p).ifPresent(kib -> {
      synchronized (samples) {
        samples.computeIfAbsent(p, k -> new ArrayList<>()).add(kib);
      }
    });
  }

  static java.util.OptionalLong readVmRssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return java.util.OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone (killed between two samples): no sample
    }
    return java.util.OptionalLong.empty();
  }

  List<Life> lives() {
    synchronized (samples) {
      List<Life> lives = new ArrayList<>();
      samples.forEach((p, s) -> lives.add(new Life(p, List.copyOf(s))));
      return lives;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
