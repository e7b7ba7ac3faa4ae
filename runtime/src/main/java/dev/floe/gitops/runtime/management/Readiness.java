package dev.floe.gitops.runtime.management;

/** A component's answer to "can you take traffic?". */
public sealed interface Readiness permits Readiness.Ready, Readiness.NotReady {

    record Ready() implements Readiness {}

    /** {@code reason} is shown on /readyz: say what is missing, never a secret. */
    record NotReady(String reason) implements Readiness {}

    Readiness READY = new Ready();

    static Readiness notReady(String reason) { return new NotReady(reason); }

    default boolean isReady() { return this instanceof Ready; }
}
