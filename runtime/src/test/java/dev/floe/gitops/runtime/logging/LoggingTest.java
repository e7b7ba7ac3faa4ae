package dev.floe.gitops.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.vertx.core.json.JsonObject;

class LoggingTest {

    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String SPAN = "b7ad6b7169203331";

    final LoggerContext context = new LoggerContext();
    final Logger logger = context.getLogger("dev.floe.test");

    String encode(LoggingEvent event) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("try") // the scope is only opened for its side effect
    void jsonLinesCarryTraceAndSpanIdsFromTheCurrentSpan() {
        SpanContext span = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        String line;
        try (Scope ignored = Span.wrap(span).makeCurrent()) {
            line = encode(new LoggingEvent("fqcn", logger, Level.INFO, "delivery {} queued", null, new Object[] {"d-1"}));
        }
        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        JsonObject json = new JsonObject(line);
        assertThat(json.getString("level")).isEqualTo("INFO");
        assertThat(json.getString("logger")).isEqualTo("dev.floe.test");
        assertThat(json.getString("message")).isEqualTo("delivery d-1 queued");
        assertThat(json.getString("trace_id")).isEqualTo(TRACE);
        assertThat(json.getString("span_id")).isEqualTo(SPAN);
        assertThat(json.getString("timestamp")).endsWith("Z");
    }

    @Test
    void withoutASpanThereAreNoTraceFields() {
        JsonObject json = new JsonObject(encode(new LoggingEvent("fqcn", logger, Level.WARN, "plain", null, null)));
        assertThat(json.containsKey("trace_id")).isFalse();
        assertThat(json.containsKey("span_id")).isFalse();
    }

    @Test
    void anExceptionAndControlCharactersStayOnOneLine() {
        String line = encode(new LoggingEvent("fqcn", logger, Level.ERROR, "multi\nline \"quoted\" \u0001", new IllegalStateException("boom"), null));
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        JsonObject json = new JsonObject(line);
        assertThat(json.getString("message")).isEqualTo("multi\nline \"quoted\" \u0001");
        assertThat(json.getString("exception")).contains("IllegalStateException: boom").contains("at dev.floe");
    }

    @Test
    @SuppressWarnings("try")
    void textLayoutAppendsTheTraceWhenPresent() {
        TraceContextConverter converter = new TraceContextConverter();
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "m", null, null);
        assertThat(converter.convert(event)).isEmpty();
        try (Scope ignored = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent()) {
            assertThat(converter.convert(event)).isEqualTo(" trace_id=" + TRACE + " span_id=" + SPAN);
        }
    }

    @Test
    void logbackXmlPicksTheLayoutFromFloeLogFormat() {
        for (String format : new String[] {"json", "text"}) {
            LoggerContext ctx = new LoggerContext();
            LoggingSetup.configure(ctx, getClass().getResource("/logback.xml"),
                    java.util.Map.of(LoggingSetup.FORMAT_PROPERTY, format, LoggingSetup.LEVEL_PROPERTY, "WARN"));
            Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
            var appender = (ch.qos.logback.core.OutputStreamAppender<?>) root.getAppender("console");
            assertThat(((ConsoleEncoder) appender.getEncoder()).format().name()).isEqualToIgnoringCase(format);
            assertThat(root.getLevel()).isEqualTo(Level.WARN);
            assertThat(ctx.getStatusManager().getCopyOfStatusList()).noneMatch(s -> s.getLevel() >= ch.qos.logback.core.status.Status.WARN);
            ctx.stop();
        }
    }
}
