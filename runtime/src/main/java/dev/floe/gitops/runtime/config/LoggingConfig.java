package dev.floe.gitops.runtime.config;

import dev.floe.gitops.runtime.logging.LogFormat;

public record LoggingConfig(LogFormat format, String level) {}
