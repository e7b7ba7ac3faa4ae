package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The flat list of every key with its environment variable, type, default and meaning, derived from
 * {@link ConfigSchema}. docs/configuration.md carries this table; a test keeps the two in step.
 */
public final class ConfigReference {

    public record Row(String path, String variable, String type, String defaultValue, String description) {}

    private ConfigReference() {}

    public static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        collect(ConfigSchema.ROOT, "", "FLOE_GITOPS", out);
        return out;
    }

    private static void collect(ValueType.Section section, String path, String variable, List<Row> out) {
        for (KeySpec key : section.keys()) {
            String p = path.isEmpty() ? key.name() : path + "." + key.name();
            String v = variable + "_" + EnvironmentOverrides.upperSnake(key.name());
            out.add(new Row(p, variable(key.type(), v), key.type().describe(), key.defaultValue() == null ? "" : key.defaultValue(), key.description()));
            ValueType type = key.type();
            if (type instanceof ValueType.Section s) {
                collect(s, p, v, out);
            } else if (type instanceof ValueType.ListOf l && l.element() instanceof ValueType.Section s) {
                collect(s, p + "[]", v + "_<i>", out);
            } else if (type instanceof ValueType.MapOf m && m.value() instanceof ValueType.Section s) {
                collect(s, p + ".<name>", v + "_<NAME>", out);
            }
        }
    }

    private static String variable(ValueType type, String variable) {
        if (type instanceof ValueType.SecretRef) return variable + "_SECRET_REF";
        if (type instanceof ValueType.Section || type instanceof ValueType.ListOf || type instanceof ValueType.MapOf) return "";
        if (type instanceof ValueType.Opaque) return variable + "_<KEY> (existing keys only)";
        return variable;
    }

    /** The Markdown table for docs/configuration.md. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| key | environment variable | type | default | meaning |\n|---|---|---|---|---|\n");
        for (Row r : rows()) {
            sb.append("| `").append(r.path()).append("` | ")
                    .append(r.variable().isEmpty() ? "" : "`" + r.variable() + "`").append(" | ")
                    .append(r.type()).append(" | ")
                    .append(r.defaultValue().isEmpty() ? "" : "`" + r.defaultValue() + "`").append(" | ")
                    .append(r.description()).append(" |\n");
        }
        return sb.toString();
    }
}
