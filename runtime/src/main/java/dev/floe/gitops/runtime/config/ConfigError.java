package dev.floe.gitops.runtime.config;

import java.util.List;
import java.util.Optional;

/**
 * One configuration problem. The message never contains a value that could be a secret: it names the
 * key, what is allowed and, when there is one, the nearest known key or value.
 */
public record ConfigError(String path, String message, List<String> allowed, Optional<String> suggestion, Origin origin) {

    public ConfigError {
        allowed = List.copyOf(allowed);
    }

    public static ConfigError of(ConfigPath path, String message, Origin origin) {
        return new ConfigError(path.toString(), message, List.of(), Optional.empty(), origin);
    }

    /** An inline credential: the path of the finding, its rule and the masked value, never the value. */
    static ConfigError inlineCredential(ConfigFinding finding) {
        return new ConfigError(finding.path(), "inline credential (" + finding.rule() + ") " + finding.masked()
                + "; use {secret_ref: name} and put the value in a secret", List.of(), Optional.empty(), finding.origin());
    }

    /** {@code floe-gitops.yaml:3:7: server.port: must be a number from 1 to 65535} plus allowed values and a hint. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(origin.describe()).append(": ");
        if (!path.isEmpty()) sb.append(path).append(": "); // empty when the origin already names it (a variable)
        sb.append(message);
        if (!allowed.isEmpty()) sb.append("; allowed: ").append(String.join(", ", allowed));
        suggestion.ifPresent(s -> sb.append(" (did you mean '").append(s).append("'?)"));
        return sb.toString();
    }

    @Override
    public String toString() { return format(); }
}
