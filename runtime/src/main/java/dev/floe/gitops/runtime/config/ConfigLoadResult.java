package dev.floe.gitops.runtime.config;

import java.util.List;

/** A configuration either loads (possibly with warnings) or is invalid with every error found. */
public sealed interface ConfigLoadResult permits ConfigLoadResult.Loaded, ConfigLoadResult.Invalid {

    /** {@code tree} is the merged tree (file + env + flags), kept for scanners and diagnostics. */
    record Loaded(GitopsConfig config, ConfigNode tree, List<String> warnings) implements ConfigLoadResult {
        public Loaded { warnings = List.copyOf(warnings); }
    }

    record Invalid(List<ConfigError> errors) implements ConfigLoadResult {
        public Invalid { errors = List.copyOf(errors); }

        /** One error per line, for the console before exiting with the configuration exit code. */
        public String report() {
            StringBuilder sb = new StringBuilder("invalid configuration (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):");
            for (ConfigError e : errors) sb.append(System.lineSeparator()).append("  ").append(e.format());
            return sb.toString();
        }
    }
}
