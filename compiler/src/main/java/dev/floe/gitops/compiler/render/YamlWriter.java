package dev.floe.gitops.compiler.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small block-style YAML emitter for plain values (ordered Map, List, String, Number, Boolean). Output is
 * YAML 1.1-safe: any string that a YAML 1.1 reader (PyYAML, SnakeYAML) would type differently is double-quoted.
 * Keys keep their map order, lines end in LF and the file ends with one newline.
 */
public final class YamlWriter {
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
            "=", "<<", ".inf", "-.inf", "+.inf", ".nan");

    private YamlWriter() {
    }

    public static String write(String headerComment, Map<String, ?> root) {
        StringBuilder out = new StringBuilder();
        if (headerComment != null) {
            out.append("# ").append(headerComment).append('\n');
        }
        if (root.isEmpty()) {
            return out.append("{}\n").toString();
        }
        List<String> lines = new ArrayList<>();
        map(root, 0, lines);
        for (String l : lines) {
            out.append(l).append('\n');
        }
        return out.toString();
    }

    private static void map(Map<String, ?> m, int indent, List<String> lines) {
        String pad = " ".repeat(indent);
        for (Map.Entry<String, ?> e : m.entrySet()) {
            String key = pad + scalar(e.getKey()) + ":";
            Object v = e.getValue();
            if (v instanceof Map<?, ?> child && !child.isEmpty()) {
                lines.add(key);
                map(cast(child), indent + 2, lines);
            } else if (v instanceof List<?> list && !list.isEmpty()) {
                lines.add(key);
                list(list, indent + 2, lines);
            } else if (v instanceof String s && isLiteralBlock(s)) {
                literal(key, s, indent + 2, lines);
            } else {
                lines.add(key + " " + inline(v));
            }
        }
    }

    private static void list(List<?> list, int indent, List<String> lines) {
        String pad = " ".repeat(indent);
        for (Object item : list) {
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                List<String> sub = new ArrayList<>();
                map(cast(m), indent + 2, sub);
                sub.set(0, pad + "- " + sub.get(0).substring(indent + 2));
                lines.addAll(sub);
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                lines.add(pad + "-");
                list(l, indent + 2, lines);
            } else if (item instanceof String s && isLiteralBlock(s)) {
                literal(pad + "-", s, indent + 2, lines);
            } else {
                lines.add(pad + "- " + inline(item));
            }
        }
    }

    private static void literal(String head, String s, int indent, List<String> lines) {
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        lines.add(head + (s.endsWith("\n") ? " |" : " |-"));
        String pad = " ".repeat(indent);
        for (String l : body.split("\n", -1)) {
            lines.add(l.isEmpty() ? "" : pad + l);
        }
    }

    /** Multi-line text reads best as a literal block; anything that would not round-trip exactly is quoted instead. */
    static boolean isLiteralBlock(String s) {
        if (!s.contains("\n") || s.startsWith(" ") || s.startsWith("\n") || s.endsWith("\n\n")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                return false;
            }
        }
        for (String l : s.split("\n", -1)) {
            if (l.endsWith(" ")) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    private static String inline(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf") : d.toString();
        }
        return scalar(v.toString());
    }

    /** A string scalar: plain when every YAML 1.1 and 1.2 reader takes it as this string, else double-quoted. */
    public static String scalar(String s) {
        return isPlainSafe(s) ? s : quote(s);
    }

    static boolean isPlainSafe(String s) {
        if (s.isEmpty() || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return false;
        }
        char first = s.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0 || first == ' ' || s.endsWith(" ") || s.endsWith(":")) {
            return false;
        }
        if (Character.isDigit(first)) {
            return false;
        }
        if ((first == '+' || first == '.') && s.length() > 1 && (Character.isDigit(s.charAt(1)) || s.charAt(1) == '.')) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.contains("{") || s.contains("}") || s.contains("[") || s.contains("]")
                || s.contains(",")) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.matches("[-+]?\\.(inf|nan)")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
