package dev.floe.gitops.compiler.yaml;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a scalar is typed. We resolve plain scalars ourselves (YAML 1.2 core schema) and additionally flag the
 * YAML 1.1 booleans (yes/no/on/off/y/n), because dbt and Dagster read YAML 1.1 and would disagree with us.
 */
public enum ScalarKind {
    NULL, BOOL, YAML11_BOOL, INT, FLOAT, STRING;

    private static final Pattern INT_RE = Pattern.compile("[-+]?(0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT_RE = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    static ScalarKind of(YNode.YScalar s) {
        if (!s.plain()) {
            return STRING;
        }
        String v = s.value();
        switch (v) {
            case "", "~", "null", "Null", "NULL":
                return NULL;
            case "true", "True", "TRUE", "false", "False", "FALSE":
                return BOOL;
            default:
                break;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("yes") || lower.equals("no") || lower.equals("on") || lower.equals("off")
                || lower.equals("y") || lower.equals("n")) {
            return YAML11_BOOL;
        }
        if (INT_RE.matcher(v).matches()) {
            return INT;
        }
        if (FLOAT_RE.matcher(v).matches()) {
            return FLOAT;
        }
        return STRING;
    }
}
