package dev.floe.gitops.compiler.model;

import dev.floe.gitops.compiler.yaml.ScalarKind;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YNode.YMap;
import dev.floe.gitops.compiler.yaml.YNode.YScalar;
import dev.floe.gitops.compiler.yaml.YNode.YSeq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient accessors over a node tree for binding. Binding runs only after the schema accepted the tree, so these
 * never report; they fall back to defaults for absent or null values.
 */
public final class Nodes {
    private Nodes() {
    }

    public static Optional<YNode> at(YNode node, String... keys) {
        YNode cur = node;
        for (String k : keys) {
            if (!(cur instanceof YMap m)) {
                return Optional.empty();
            }
            Optional<YNode> next = m.get(k);
            if (next.isEmpty() || isNull(next.get())) {
                return Optional.empty();
            }
            cur = next.get();
        }
        return Optional.of(cur);
    }

    public static boolean isNull(YNode n) {
        return n instanceof YScalar s && s.kind() == ScalarKind.NULL;
    }

    public static String str(YNode node, String key, String dflt) {
        return at(node, key).filter(n -> n instanceof YScalar).map(n -> ((YScalar) n).value()).orElse(dflt);
    }

    public static boolean bool(YNode node, String key, boolean dflt) {
        return at(node, key).filter(n -> n instanceof YScalar).map(n -> ((YScalar) n).value().equals("true")).orElse(dflt);
    }

    public static Integer integer(YNode node, String key) {
        return at(node, key).filter(n -> n instanceof YScalar s && s.kind() == ScalarKind.INT)
                .map(n -> toInt(((YScalar) n).value())).orElse(null);
    }

    /** YAML 1.2 integers (decimal, 0x, 0o), clamped to int: the schema already range-checked them. */
    public static Integer toInt(String v) {
        Object l = parseLong(v);
        if (l instanceof Long n) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
        }
        return null;
    }

    public static List<YMap.Entry> entries(YNode node, String key) {
        return at(node, key).filter(n -> n instanceof YMap).map(n -> ((YMap) n).entries()).orElse(List.of());
    }

    public static List<YNode> items(YNode node, String key) {
        return at(node, key).filter(n -> n instanceof YSeq).map(n -> ((YSeq) n).items()).orElse(List.of());
    }

    public static List<String> strings(YNode node, String key) {
        List<String> out = new ArrayList<>();
        for (YNode n : items(node, key)) {
            if (n instanceof YScalar s) {
                out.add(s.value());
            }
        }
        return List.copyOf(out);
    }

    public static Map<String, String> stringMap(YNode node, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (YMap.Entry e : entries(node, key)) {
            if (e.value() instanceof YScalar s && s.kind() != ScalarKind.NULL) {
                out.put(e.key().value(), s.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** A plain, ordered Java value (Map, List, String, Long, Double, Boolean, null) for free-form sections. */
    public static Object plain(YNode node) {
        if (node instanceof YMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (YMap.Entry e : m.entries()) {
                out.put(e.key().value(), plain(e.value()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (node instanceof YSeq s) {
            List<Object> out = new ArrayList<>();
            for (YNode i : s.items()) {
                out.add(plain(i));
            }
            return Collections.unmodifiableList(out);
        }
        YScalar s = (YScalar) node;
        return switch (s.kind()) {
            case NULL -> null;
            case BOOL -> Boolean.valueOf(s.value().equalsIgnoreCase("true"));
            case INT -> parseLong(s.value());
            case FLOAT -> parseDouble(s.value());
            case STRING, YAML11_BOOL -> s.value();
        };
    }

    private static Object parseLong(String v) {
        try {
            String t = v.startsWith("+") ? v.substring(1) : v;
            return Long.decode(t.startsWith("0o") ? "0" + t.substring(2) : t);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static Object parseDouble(String v) {
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainMap(YNode node, String key) {
        return at(node, key).filter(n -> n instanceof YMap).map(n -> (Map<String, Object>) plain(n)).orElse(Map.of());
    }
}
