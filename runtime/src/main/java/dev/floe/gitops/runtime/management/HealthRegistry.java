package dev.floe.gitops.runtime.management;

import java.util.LinkedHashMap;
import java.util.Map;

/** The components that take part in readiness, in registration order. Shared by a process's servers. */
public final class HealthRegistry {

    private final Map<String, ReadinessCheck> checks = new LinkedHashMap<>();

    public synchronized void register(String component, ReadinessCheck check) {
        if (checks.putIfAbsent(component, check) != null) {
            throw new IllegalArgumentException("readiness check '" + component + "' is already registered");
        }
    }

    public synchronized void unregister(String component) {
        checks.remove(component);
    }

    /** Every component's state now; a check that throws counts as not ready (without its message). */
    public Map<String, Readiness> report() {
        Map<String, ReadinessCheck> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(checks);
        }
        Map<String, Readiness> out = new LinkedHashMap<>();
        snapshot.forEach((name, check) -> {
            Readiness r;
            try {
                r = check.check();
            } catch (RuntimeException e) {
                r = Readiness.notReady("readiness check failed (" + e.getClass().getSimpleName() + ")");
            }
            out.put(name, r == null ? Readiness.notReady("no answer") : r);
        });
        return out;
    }
}
