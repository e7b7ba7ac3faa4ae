package dev.floe.gitops.runtime.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one way our code makes spans. It wraps an {@link OpenTelemetry} handed in by {@code main}
 * (autoconfigured from the OTEL_* variables, or {@link OpenTelemetry#noop()} when none is set, so
 * that tracing off costs a few no-op calls) and knows the only attribute keys we record: names of
 * repositories, environments, commits and outcomes, never a credential or a payload.
 *
 * <p>An event's trace crosses Kafka as a W3C {@code traceparent} string: {@link #traceparent}
 * writes it, {@link #startFrom} continues it on the consuming side (also on a redelivery, which
 * therefore joins the same trace). Steps inside the worker (and status calls) use {@link #child}
 * or {@link #inSpan}, which parent on whatever span is current.
 */
public final class Tracing {

  /** Attribute keys we allow on spans; there is deliberately no way to add an arbitrary one. */
  public enum Attr {
    REPOSITORY("floe.repository"),
    ENVIRONMENT("floe.environment"),
    SOURCE_COMMIT("floe.source.commit"),
    OUTCOME("floe.outcome"),
    PROVIDER("floe.provider"),
    DELIVERY("floe.delivery"),
    ATTEMPT("floe.attempt"),
    /** Admission: the reviewed object's kind and the operation (never its content or name). */
    KIND("floe.kubernetes.kind"),
    OPERATION("floe.kubernetes.operation");

    private final AttributeKey<String> key;

    Attr(String name) {
      this.key = AttributeKey.stringKey(name);
    }

    public AttributeKey<String> key() {
      return key;
    }
  }

  private static final Tracing NOOP = new Tracing(OpenTelemetry.noop(), false);
  private static final String INSTRUMENTATION = "dev.floe.gitops";

  private final OpenTelemetry otel;
  private final Tracer tracer;
  private final boolean enabled;

  private Tracing(OpenTelemetry otel, boolean enabled) {
    this.otel = otel;
    this.tracer = otel.getTracer(INSTRUMENTATION);
    this.enabled = enabled;
  }

  public static Tracing noop() {
    return NOOP;
  }

  public static Tracing of(OpenTelemetry otel) {
    return new Tracing(otel, true);
  }

  public boolean enabled() {
    return enabled;
  }

  public OpenTelemetry openTelemetry() {
    return otel;
  }

  /**
   * Starts a span whose parent is the remote span a {@code traceparent} names (a webhook request's
   * header, a Kafka record's header); a new trace when it is null or invalid.
   */
  public Span startFrom(String name, SpanKind kind, String traceparent) {
    Context parent = traceparent == null ? Context.root()
        : W3CTraceContextPropagator.getInstance().extract(Context.root(),
            Map.of("traceparent", traceparent), MapGetter.INSTANCE);
    return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
  }

  /** Starts a span under the current one (or a new trace when none is current). */
  public Span child(String name) {
    return child(name, SpanKind.INTERNAL);
  }

  public Span child(String name, SpanKind kind) {
    SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
    return builder.startSpan();
  }

  /** Runs a synchronous step in its own span, made current for the step's logs and children. */
  public <T> T inSpan(String name, Supplier<T> step) {
    Span span = child(name);
    try (Scope ignored = span.makeCurrent()) {
      return step.get();
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  /** The W3C traceparent of a span, for a record header; null when the span is not sampled-valid. */
  public String traceparent(Span span) {
    if (!span.getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), carrier,
        (map, key, value) -> map.put(key, value));
    return carrier.get("traceparent");
  }

  public static void set(Span span, Attr attr, String value) {
    if (value != null) {
      span.setAttribute(attr.key(), value);
    }
  }

  /**
   * Marks a span as failed with the exception's type only: messages can quote URLs or server
   * answers, so they stay in the log, not in the trace.
   */
  public static void failed(Span span, Throwable error) {
    span.setStatus(StatusCode.ERROR, error.getClass().getName());
  }

  private enum MapGetter implements TextMapGetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return List.copyOf(carrier.keySet());
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  }
}
