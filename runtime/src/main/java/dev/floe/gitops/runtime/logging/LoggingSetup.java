package dev.floe.gitops.runtime.logging;

import java.net.URL;
import java.util.Locale;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * Applies the configured log format and level. Called by {@code main} once the configuration is loaded:
 * it sets the {@code floe.log.format} and {@code floe.log.level} system properties that runtime's
 * logback.xml reads, then re-reads logback.xml so lines already written before the config was known
 * (in the default JSON layout) are the only ones in another layout.
 */
public final class LoggingSetup {

    public static final String FORMAT_PROPERTY = "floe.log.format";
    public static final String LEVEL_PROPERTY = "floe.log.level";

    private LoggingSetup() {}

    public static void apply(LogFormat format, String level) {
        System.setProperty(FORMAT_PROPERTY, format.name().toLowerCase(Locale.ROOT));
        System.setProperty(LEVEL_PROPERTY, level);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return; // another backend: leave it alone
        configure(context, LoggingSetup.class.getResource("/logback.xml"), java.util.Map.of());
    }

    /** Resets a context and configures it from the given logback.xml, with extra context properties (tests). */
    public static void configure(LoggerContext context, URL logbackXml, java.util.Map<String, String> properties) {
        if (logbackXml == null) return;
        context.reset(); // also clears context properties, so they are put afterwards
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(logbackXml);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + logbackXml, e);
        }
    }
}
