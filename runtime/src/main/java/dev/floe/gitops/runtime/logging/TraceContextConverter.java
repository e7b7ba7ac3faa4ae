package dev.floe.gitops.runtime.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %trace} in the text layout: {@code  trace_id=… span_id=…} when a span is current, else nothing. */
public final class TraceContextConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return TraceContext.current().map(ids -> " trace_id=" + ids.traceId() + " span_id=" + ids.spanId()).orElse("");
    }
}
