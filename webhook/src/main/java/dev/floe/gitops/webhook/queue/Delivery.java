package dev.floe.gitops.webhook.queue;

/**
 * Where a record came from and how often it has been tried, handed to the processor with the
 * event.
 *
 * @param attempt 1 for the first try of this record by this consumer
 * @param duplicate true when this partition's owner already finished the same (provider,
 *     deliveryId) as {@code Done}: best effort (the window is bounded and lost on rebalance), so
 *     the processor's effect must be idempotent either way
 */
public record Delivery(String topic, int partition, long offset, int attempt, boolean duplicate) {}
