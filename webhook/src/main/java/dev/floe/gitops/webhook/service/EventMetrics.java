package dev.floe.gitops.webhook.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * The worker-side meters, in one place so every step (and the status calls) increments the same
 * names: see docs/observability.md for the table and the alert rules built on them. Tags carry
 * names and outcomes only, never a URL with credentials or a token.
 */
public final class EventMetrics {

  private final MeterRegistry registry;
  private final Timer render;
  private final Timer push;
  private final Counter pushRetries;
  private final Counter reconcilerRuns;
  private final Counter reconcilerCatches;
  private final Counter deadLettered;

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.render = Timer.builder("floe.render.duration")
        .description("Time to compile one environment's tree").publishPercentileHistogram()
        .register(registry);
    this.push = Timer.builder("floe.push.duration")
        .description("Time to push one deploy branch").publishPercentileHistogram()
        .register(registry);
    this.pushRetries = Counter.builder("floe.push.retries")
        .description("Pushes tried again after a rejected or failed push").register(registry);
    this.reconcilerRuns = Counter.builder("floe.reconciler.runs")
        .description("Reconciler passes over the served repositories").register(registry);
    this.reconcilerCatches = Counter.builder("floe.reconciler.catches")
        .description("Renders the reconciler made that no webhook announced").register(registry);
    this.deadLettered = Counter.builder("floe.dlq.records")
        .description("Records this instance wrote to the dead-letter topic").register(registry);
  }

  /** Meters nobody scrapes, for tests and callers that were given no registry. */
  public static EventMetrics unregistered() {
    return new EventMetrics(new SimpleMeterRegistry());
  }

  /** One event finished with the given outcome (done, nothing-changed, retry, dead-lettered...). */
  public void event(String outcome) {
    Counter.builder("floe.events").description("Events processed, by outcome")
        .tag("outcome", outcome).register(registry).increment();
  }

  public void rendered(Duration took) {
    render.record(took);
  }

  public void pushed(Duration took) {
    push.record(took);
  }

  public void pushRetried() {
    pushRetries.increment();
  }

  public void reconcilerRan() {
    reconcilerRuns.increment();
  }

  public void reconcilerCaught() {
    reconcilerCatches.increment();
  }

  public void deadLettered() {
    deadLettered.increment();
  }

  /** A commit status or check call to the git host failed (the status helper's counter). */
  public void statusCallFailed(String provider) {
    Counter.builder("floe.status.call.failures")
        .description("Commit status / check calls to the git host that failed")
        .tag("provider", provider).register(registry).increment();
  }

  public MeterRegistry registry() {
    return registry;
  }
}
