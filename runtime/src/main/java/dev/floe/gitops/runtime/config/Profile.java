package dev.floe.gitops.runtime.config;

/** {@code local} relaxes production-only checks; {@code production} is the default. */
public enum Profile {
    LOCAL, PRODUCTION;

    public boolean isLocal() { return this == LOCAL; }
}
