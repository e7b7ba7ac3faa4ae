package dev.floe.gitops.runtime.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line: {@code timestamp}, {@code level}, {@code logger}, {@code thread},
 * {@code message}, {@code trace_id}/{@code span_id} when a span is current, SLF4J key-value pairs, and
 * {@code exception} (the stack trace as one escaped string, so an event never spans lines).
 * Hand-written so the logging path depends on nothing but logback and the OpenTelemetry API.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NONE = new byte[0];

    @Override
    public byte[] headerBytes() { return NONE; }

    @Override
    public byte[] footerBytes() { return NONE; }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString(), true);
        field(sb, "level", event.getLevel().toString(), false);
        field(sb, "logger", event.getLoggerName(), false);
        field(sb, "thread", event.getThreadName(), false);
        field(sb, "message", event.getFormattedMessage(), false);
        TraceContext.current().ifPresent(ids -> {
            field(sb, "trace_id", ids.traceId(), false);
            field(sb, "span_id", ids.spanId(), false);
        });
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) field(sb, pair.key, String.valueOf(pair.value), false);
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) field(sb, "exception", ThrowableProxyUtil.asString(throwable), false);
        sb.append("}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder sb, String name, String value, boolean first) {
        if (!first) sb.append(',');
        quote(sb, name);
        sb.append(':');
        quote(sb, value == null ? "" : value);
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
