package dev.floe.gitops.webhook.queue;

/** Where Kafka acknowledged an event: durable from here on. */
public record Published(String topic, int partition, long offset) {}
