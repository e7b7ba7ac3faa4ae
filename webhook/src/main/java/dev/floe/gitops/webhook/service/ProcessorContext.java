package dev.floe.gitops.webhook.service;

import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.management.HealthRegistry;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/** What a worker may need from the running service, handed to {@link EventProcessorFactory}. */
public record ProcessorContext(Vertx vertx, GitopsConfig config, SecretResolver secrets,
    MeterRegistry metrics, HealthRegistry health) {}
