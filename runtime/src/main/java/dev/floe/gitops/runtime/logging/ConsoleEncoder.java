package dev.floe.gitops.runtime.logging;

import java.util.Locale;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The console encoder of logback.xml: {@code format} (json | text, from {@code floe.log.format}) picks
 * {@link JsonLineEncoder} or a pattern layout. One appender with a switch, rather than two appenders and a
 * substituted reference, because logback warns at start about an appender nobody references.
 */
public final class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "json";
    private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) { this.format = format; }

    public void setPattern(String pattern) { this.pattern = pattern; }

    public LogFormat format() {
        return "text".equals(format.trim().toLowerCase(Locale.ROOT)) ? LogFormat.TEXT : LogFormat.JSON;
    }

    @Override
    public void start() {
        if (format() == LogFormat.TEXT) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            delegate = text;
        } else {
            delegate = new JsonLineEncoder();
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) delegate.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() { return delegate.headerBytes(); }

    @Override
    public byte[] encode(ILoggingEvent event) { return delegate.encode(event); }

    @Override
    public byte[] footerBytes() { return delegate.footerBytes(); }
}
