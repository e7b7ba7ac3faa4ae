package dev.floe.gitops.webhook.queue;

import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import io.vertx.core.Context;

/** The collaborators every {@link PartitionWorker} of one consumer loop shares. */
record RecordHandling(
    Context context,
    EventProcessor processor,
    EventRecordCodec codec,
    DeadLetterPublisher deadLetters,
    Backoff backoff,
    int maxAttempts,
    PartitionControl control,
    Tracing tracing,
    java.util.function.Consumer<String> outcomes) {}
