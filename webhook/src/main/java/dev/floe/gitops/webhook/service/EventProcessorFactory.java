package dev.floe.gitops.webhook.service;

import dev.floe.gitops.webhook.queue.EventProcessor;

/**
 * The seam where {@code serve} gets its worker: the deploy worker in production, {@link
 * RecordingEventProcessor} until it is plugged in (and in tests). Called once at start, before the
 * consumer loop joins its group.
 */
@FunctionalInterface
public interface EventProcessorFactory {
  EventProcessor create(ProcessorContext context);
}
