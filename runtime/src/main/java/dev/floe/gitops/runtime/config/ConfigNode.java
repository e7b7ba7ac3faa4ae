package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration as a plain tree (after YAML parsing, before binding), with the origin of every
 * node. Overrides from the environment and flags are applied to this tree, the {@link ConfigScanner}
 * sees it, and {@link ConfigBinder} turns it into records. Immutable: edits return new trees.
 */
public sealed interface ConfigNode permits ConfigNode.Mapping, ConfigNode.Sequence, ConfigNode.Scalar {

    Origin origin();

    /** Plain Java view: Map / List / String, Long, Double, Boolean or null, for opaque sections and scanners. */
    Object toPlain();

    /** Scalar kinds as resolved by YAML's core schema; overrides from env and flags are always STRING. */
    enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    record Scalar(String value, Kind kind, Origin origin) implements ConfigNode {
        public static Scalar string(String value, Origin origin) { return new Scalar(value, Kind.STRING, origin); }

        public boolean isNull() { return kind == Kind.NULL; }

        /** Length only: in the local profile the tree may hold an inline credential, and trees end up in logs. */
        @Override
        public String toString() {
            return "Scalar[" + kind + ", " + value.length() + " chars, " + origin.describe() + "]";
        }

        @Override
        public Object toPlain() {
            try {
                return switch (kind) {
                    case NULL -> null;
                    case BOOL -> Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
                    case INT -> Long.decode(value.replace("_", "").replace("0o", "0"));
                    case FLOAT -> Double.parseDouble(value);
                    case STRING -> value;
                };
            } catch (NumberFormatException e) {
                return value; // e.g. ".inf" or an int too large for a long: keep the text
            }
        }
    }

    record Sequence(List<ConfigNode> items, Origin origin) implements ConfigNode {
        public Sequence {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        @Override
        public Object toPlain() {
            List<Object> out = new ArrayList<>(items.size());
            for (ConfigNode item : items) out.add(item.toPlain());
            return out;
        }
    }

    /** A mapping; keyOrigins holds where each key was written, for "unknown key" errors. */
    record Mapping(Map<String, ConfigNode> entries, Map<String, Origin> keyOrigins, Origin origin) implements ConfigNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(keyOrigins));
        }

        public static Mapping empty(Origin origin) { return new Mapping(Map.of(), Map.of(), origin); }

        public Optional<ConfigNode> get(String key) { return Optional.ofNullable(entries.get(key)); }

        public Origin keyOrigin(String key) { return keyOrigins.getOrDefault(key, origin); }

        public Mapping with(String key, ConfigNode value, Origin keyOrigin) {
            Map<String, ConfigNode> e = new LinkedHashMap<>(entries);
            Map<String, Origin> k = new LinkedHashMap<>(keyOrigins);
            e.put(key, value);
            k.putIfAbsent(key, keyOrigin);
            return new Mapping(e, k, origin);
        }

        @Override
        public Object toPlain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(k, v.toPlain()));
            return out;
        }
    }

    /** The node at a path, if every step exists. */
    default Optional<ConfigNode> find(ConfigPath path) {
        ConfigNode current = this;
        for (ConfigPath.Step step : path.steps()) {
            if (step instanceof ConfigPath.Key k && current instanceof Mapping m && m.entries().containsKey(k.name())) {
                current = m.entries().get(k.name());
            } else if (step instanceof ConfigPath.Index i && current instanceof Sequence s && i.index() < s.items().size()) {
                current = s.items().get(i.index());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The origin of the deepest existing node along the path (so an error always has a location). */
    default Origin originOf(ConfigPath path) {
        ConfigNode current = this;
        Origin best = origin();
        for (ConfigPath.Step step : path.steps()) {
            if (step instanceof ConfigPath.Key k && current instanceof Mapping m && m.entries().containsKey(k.name())) {
                current = m.entries().get(k.name());
                // A scalar points at its value (what is wrong); a section at its key.
                best = current instanceof Scalar ? current.origin() : m.keyOrigin(k.name());
            } else if (step instanceof ConfigPath.Index i && current instanceof Sequence s && i.index() < s.items().size()) {
                current = s.items().get(i.index());
                best = current.origin();
            } else {
                break;
            }
        }
        return best;
    }
}
