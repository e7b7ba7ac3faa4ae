package dev.floe.gitops.runtime.config;

import java.time.Duration;

public record ShutdownConfig(Duration gracePeriod) {}
