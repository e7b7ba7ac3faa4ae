package dev.floe.gitops.runtime.config;

import java.util.List;
import java.util.Optional;

/**
 * The shape of one configuration value, as the {@link ConfigSchema} describes it. The schema drives the
 * environment-variable mapping, unknown-key hints and the reference table in docs/configuration.md.
 */
public sealed interface ValueType {

    /** Short type name for the documentation table. */
    String describe();

    record Text() implements ValueType { @Override public String describe() { return "string"; } }

    record Int(int min, int max) implements ValueType {
        @Override public String describe() { return "integer " + min + ".." + max; }
    }

    record Bool() implements ValueType { @Override public String describe() { return "boolean"; } }

    record Duration() implements ValueType { @Override public String describe() { return "duration (500ms, 30s, 5m, 1h)"; } }

    /** A file-system path; relative ones resolve against the config file's folder (or the working directory for flags and env). */
    record FilePath() implements ValueType { @Override public String describe() { return "path"; } }

    record OneOf(List<String> values) implements ValueType {
        public OneOf { values = List.copyOf(values); }
        @Override public String describe() { return String.join(" \\| ", values); }
    }

    /** A reference {@code {secret_ref: name}}; never a literal value. */
    record SecretRef() implements ValueType { @Override public String describe() { return "secret reference {secret_ref: name}"; } }

    record Section(List<KeySpec> keys) implements ValueType {
        public Section { keys = List.copyOf(keys); }
        @Override public String describe() { return "object"; }

        public Optional<KeySpec> key(String name) {
            return keys.stream().filter(k -> k.name().equals(name)).findFirst();
        }

        public List<String> names() { return keys.stream().map(KeySpec::name).toList(); }
    }

    record ListOf(ValueType element) implements ValueType { @Override public String describe() { return "list"; } }

    /** A map with free keys (environment names), each value of one type. */
    record MapOf(ValueType value) implements ValueType { @Override public String describe() { return "map"; } }

    /** Handed on unparsed to another module's own parser (e.g. {@code policy}). */
    record Opaque() implements ValueType { @Override public String describe() { return "map (opaque)"; } }
}
