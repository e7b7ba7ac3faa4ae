package dev.floe.gitops.compiler.yaml;

import java.util.List;
import java.util.Optional;

/** A YAML node with its 1-based source position. Immutable; aliases are already expanded. */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {
    int line();

    int column();

    /** A mapping entry: the key node keeps its own position so errors can point at the key. */
    record Entry(YScalar key, YNode value) {
    }

    record YMap(List<Entry> entries, int line, int column) implements YNode {
        public YMap {
            entries = List.copyOf(entries);
        }

        public Optional<YNode> get(String key) {
            for (Entry e : entries) {
                if (e.key().value().equals(key)) {
                    return Optional.of(e.value());
                }
            }
            return Optional.empty();
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
        }
    }

    record YSeq(List<YNode> items, int line, int column) implements YNode {
        public YSeq {
            items = List.copyOf(items);
        }
    }

    /** A scalar: {@code plain} is false for quoted and block scalars, which are always strings. */
    record YScalar(String value, boolean plain, int line, int column) implements YNode {
        public ScalarKind kind() {
            return ScalarKind.of(this);
        }
    }

    /** Human name of a node's type, for "expected X, got Y" messages. */
    static String describe(YNode node) {
        if (node instanceof YMap) {
            return "a mapping";
        }
        if (node instanceof YSeq) {
            return "a list";
        }
        YScalar s = (YScalar) node;
        return switch (s.kind()) {
            case NULL -> "null";
            case BOOL, YAML11_BOOL -> "the boolean '" + s.value() + "'";
            case INT -> "the integer " + s.value();
            case FLOAT -> "the number " + s.value();
            case STRING -> "the string '" + s.value() + "'";
        };
    }
}
