package dev.floe.gitops.runtime.logging;

import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current trace and span ids, read straight from the OpenTelemetry context of the logging thread
 * (no MDC to keep in sync). This works because our appenders are synchronous: the encoder runs on the
 * thread that logged. An async appender would lose the context.
 */
final class TraceContext {

    record Ids(String traceId, String spanId) {}

    private TraceContext() {}

    static Optional<Ids> current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? Optional.of(new Ids(context.getTraceId(), context.getSpanId())) : Optional.empty();
    }
}
