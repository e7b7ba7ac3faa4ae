package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.webhook.event.Provider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The receiver's meters. Labels are the provider and the answer's status only: never a repository
 * or anything else read from an unverified body, which would let anyone grow the label set.
 */
public final class ReceiverMetrics {

  private final MeterRegistry registry;

  public ReceiverMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** {@code floe_webhook_requests_total{provider,status}}. */
  public void answered(Provider provider, int status) {
    Counter.builder("floe.webhook.requests")
        .description("Webhook deliveries by provider and answer status")
        .tag("provider", provider.wireName())
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  /** {@code floe_webhook_duplicates_total{provider}}. */
  public void duplicate(Provider provider) {
    Counter.builder("floe.webhook.duplicates")
        .description("Redeliveries recognised by the receiver and not queued again")
        .tag("provider", provider.wireName())
        .register(registry)
        .increment();
  }

  /** {@code floe_webhook_publish_seconds{provider,outcome}}: time until Kafka acknowledged (or not). */
  public void published(Provider provider, Duration took, boolean acknowledged) {
    Timer.builder("floe.webhook.publish")
        .description("Time from publishing an event until Kafka acknowledged it (acks=all)")
        .tag("provider", provider.wireName())
        .tag("outcome", acknowledged ? "acknowledged" : "unavailable")
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }
}
