package dev.floe.gitops.webhook.service;

import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.management.HealthRegistry;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/**
 * What a worker may need from the running service, handed to {@link EventProcessorFactory}.
 * {@code tracing} makes child spans of the event's span (worker steps, status calls);
 * {@code events} holds the worker-side meters; {@code updates} announces a reloaded configuration
 * (subscribe to apply its repositories); {@code assignments} announces the partitions the consumer holds.
 */
public record ProcessorContext(Vertx vertx, GitopsConfig config, SecretResolver secrets,
    MeterRegistry metrics, HealthRegistry health, Tracing tracing, EventMetrics events,
    ConfigUpdates updates, PartitionAssignments assignments) {

  public ProcessorContext {
    tracing = tracing == null ? Tracing.noop() : tracing;
    events = events == null
        ? (metrics == null ? EventMetrics.unregistered() : new EventMetrics(metrics)) : events;
    updates = updates == null ? new ConfigUpdates() : updates;
    assignments = assignments == null ? new PartitionAssignments() : assignments;
  }

  /** Without tracing, and with the worker meters on {@code metrics}. */
  public ProcessorContext(Vertx vertx, GitopsConfig config, SecretResolver secrets,
      MeterRegistry metrics, HealthRegistry health) {
    this(vertx, config, secrets, metrics, health, null, null, null, null);
  }
}
