package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretValue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the receiver is built from, as one value.
 *
 * @param host the interface to listen on ({@code 0.0.0.0} in a pod, loopback in tests)
 * @param port the traffic port; 0 picks a free one (tests)
 * @param maxBodyBytes {@code server.maxBodyBytes}
 * @param secrets resolves a secret reference at request time (environment, file, Kubernetes)
 * @param sink where accepted events go ({@code EventPublisher::publish})
 * @param tracing makes the receive span whose traceparent the queued records carry
 */
public record ReceiverSettings(
    String host,
    int port,
    long maxBodyBytes,
    ServedRepositories served,
    Function<SecretRef, Optional<SecretValue>> secrets,
    EventSink sink,
    MeterRegistry metrics,
    Clock clock,
    int recentDeliveries,
    Tracing tracing) {

  /** Without tracing. */
  public ReceiverSettings(String host, int port, long maxBodyBytes, ServedRepositories served,
      Function<SecretRef, Optional<SecretValue>> secrets, EventSink sink, MeterRegistry metrics,
      Clock clock, int recentDeliveries) {
    this(host, port, maxBodyBytes, served, secrets, sink, metrics, clock, recentDeliveries,
        Tracing.noop());
  }

  public ReceiverSettings {
    Objects.requireNonNull(tracing, "tracing");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(served, "served");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(clock, "clock");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 1");
    }
  }
}
