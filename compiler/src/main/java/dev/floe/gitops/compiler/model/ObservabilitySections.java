package dev.floe.gitops.compiler.model;

import java.util.List;
import java.util.Map;

/** The nested blocks of {@code observability} (reference §1.9). */
public record ObservabilitySections(Tracing tracing, MetricsConfig metricsConfig, Logging logging, ComputeLogs computeLogs) {

    public record Tracing(String samplingType, double probability, Integer rateLimit, boolean jaeger, boolean xray, boolean otlp) {
    }

    public record MetricsConfig(String scrapeInterval, int retentionDays, boolean prometheus, boolean cloudwatch, boolean statsd,
                                boolean alertingEnabled, Map<String, AlertRule> alertRules) {
    }

    public record AlertRule(String severity, List<String> notifyTargets) {
    }

    public record Logging(String level, String logFormat, boolean loki, boolean cloudwatch, boolean elasticsearch) {
    }

    public record ComputeLogs(boolean enabled, String managerType, String storageRef, String bucket, String prefix,
                              int retentionDays, String localDir, int uploadInterval) {
    }
}
