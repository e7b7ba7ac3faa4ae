package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.service.EventProcessorFactory;
import dev.floe.gitops.webhook.service.ProcessorContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deploy worker for {@code serve}: the {@link WorkerService} built from the running service's configuration and
 * secrets, Git and compile work on its own small pool (never the event loop), and the reconciler started at
 * {@code worker.reconcileInterval}. Its threads are daemons: they end with the process, after the consumer loop has
 * handed back what was in flight.
 */
public final class DeployWorkerFactory implements EventProcessorFactory, AutoCloseable {

  private final int gitThreads;
  private final java.util.function.Function<ProcessorContext, DeployGate> gates;
  private final java.util.List<AutoCloseable> started = new java.util.concurrent.CopyOnWriteArrayList<>();

  public DeployWorkerFactory(int gitThreads) {
    this(gitThreads, context -> DeployGate.OPEN);
  }

  /** With deploy gates built from the running service (they read commit statuses from the git host). */
  public DeployWorkerFactory(int gitThreads, java.util.function.Function<ProcessorContext, DeployGate> gates) {
    this.gitThreads = gitThreads;
    this.gates = gates;
  }

  @Override
  public EventProcessor create(ProcessorContext context) {
    ExecutorService git = Executors.newFixedThreadPool(gitThreads, daemon("floe-worker-git"));
    WorkerService service = WorkerService.fromConfig(context.config(), context.secrets(), git, gates.apply(context),
        context.tracing(), context.events());
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("floe-reconciler"));
    service.startReconciler(timer);
    context.updates().subscribe(reloaded -> service.replaceRepositories(reloaded.repositories()));
    // SPEC §4: each replica reconciles only the repositories whose events land on its partitions; until the group
    // first assigns some, it reconciles all of them (redundant with other replicas, never harmful: compare-and-swap)
    context.assignments().subscribe(owned -> service.reconciler().reconcileOnly(
        PartitionOwnership.owning(owned.partitions(), owned.partitionCount())));
    started.add(() -> {
      timer.shutdownNow();
      git.shutdownNow();
      timer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      git.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      service.close();
    });
    return service.worker();
  }

  /** Stops the reconcilers and pools of every worker this factory made, and closes their mirrors. */
  @Override
  public void close() throws Exception {
    for (AutoCloseable c : started) {
      c.close();
    }
    started.clear();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
