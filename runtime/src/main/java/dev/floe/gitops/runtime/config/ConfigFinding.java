package dev.floe.gitops.runtime.config;

/** An inline credential found in the configuration. {@code masked} never reveals characters of the value. */
public record ConfigFinding(String rule, String path, String masked, Origin origin) {

    public String format() {
        return origin.describe() + ": " + path + ": inline credential (" + rule + ") " + masked + "; use {secret_ref: name}";
    }
}
