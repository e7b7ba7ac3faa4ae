package dev.floe.gitops.runtime.management;

/** Called on every /readyz request, on the event loop: return a state the component keeps, do no I/O. */
@FunctionalInterface
public interface ReadinessCheck {
    Readiness check();
}
