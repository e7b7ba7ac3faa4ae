package dev.floe.gitops.compiler.validate;

import dev.floe.gitops.compiler.yaml.ScalarKind;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YNode.YMap;
import dev.floe.gitops.compiler.yaml.YNode.YScalar;
import dev.floe.gitops.compiler.yaml.YNode.YSeq;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The building blocks of the schemas: small shapes, each reporting its own precise errors. */
public final class Shapes {
    public static final Pattern PROFILE_NAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_-]*$");
    public static final Pattern SECRET_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]{0,252}$");
    public static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]*$");
    public static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");
    public static final Pattern DOTTED = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*$");

    private Shapes() {
    }

    // ---- fields and objects

    public record Field(String name, Shape shape, boolean required) {
    }

    public static Field req(String name, Shape shape) {
        return new Field(name, shape, true);
    }

    public static Field opt(String name, Shape shape) {
        return new Field(name, shape, false);
    }

    /** A mapping with a fixed set of keys; unknown keys are errors with the nearest known key as hint. */
    public record Obj(Map<String, Field> fields, Map<String, String> hints) implements Shape {
        public Obj with(Field... more) {
            Map<String, Field> f = new LinkedHashMap<>(fields);
            for (Field m : more) {
                f.put(m.name(), m);
            }
            return new Obj(f, hints);
        }

        public Obj hint(String key, String hint) {
            Map<String, String> h = new LinkedHashMap<>(hints);
            h.put(key, hint);
            return new Obj(fields, h);
        }

        @Override
        public void check(YNode node, String path, Checker c) {
            if (!(node instanceof YMap map)) {
                c.problems().at(node, path, "expected a mapping for " + c.where(path) + ", got " + YNode.describe(node), null);
                return;
            }
            for (YNode.Entry e : map.entries()) {
                String key = e.key().value();
                Field f = fields.get(key);
                String childPath = Checker.child(path, key);
                if (f == null) {
                    if (!c.reportedElsewhere().contains(key)) {
                        String hint = hints.containsKey(key) ? hints.get(key)
                                : DidYouMean.hint(key, fields.keySet()).orElse("known keys: " + String.join(", ", fields.keySet()));
                        c.problems().at(e.key(), childPath, "unknown key '" + key + "' in " + c.where(path), hint);
                    }
                    continue;
                }
                if (isNull(e.value())) {
                    if (f.required()) {
                        c.problems().at(e.value(), childPath, "'" + key + "' needs a value", null);
                    }
                    continue;
                }
                f.shape().check(e.value(), childPath, c);
            }
            for (Field f : fields.values()) {
                if (f.required() && map.get(f.name()).isEmpty()) {
                    c.problems().at(map, path, "missing required key '" + f.name() + "' in " + c.where(path), null);
                }
            }
        }
    }

    public static Obj obj(Field... fields) {
        return new Obj(new LinkedHashMap<>(), Map.of()).with(fields);
    }

    static boolean isNull(YNode n) {
        return n instanceof YScalar s && s.kind() == ScalarKind.NULL;
    }

    /** A mapping chosen by its {@code type} key among variants. */
    public record Union(String discriminator, String defaultVariant, Map<String, Obj> variants) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (!(node instanceof YMap map)) {
                c.problems().at(node, path, "expected a mapping for " + c.where(path) + ", got " + YNode.describe(node), null);
                return;
            }
            Optional<YNode> t = map.get(discriminator);
            String variant = defaultVariant;
            if (t.isPresent()) {
                if (!(t.get() instanceof YScalar s) || !variants.containsKey(s.value())) {
                    enumError(t.get(), Checker.child(path, discriminator), List.copyOf(variants.keySet()), c);
                    return;
                }
                variant = s.value();
            }
            if (variant == null) {
                c.problems().at(map, path, "missing required key '" + discriminator + "' in " + c.where(path),
                        "one of " + String.join(", ", variants.keySet()));
                return;
            }
            variants.get(variant).with(opt(discriminator, str())).check(node, path, c);
        }
    }

    public static Union union(String discriminator, String defaultVariant, Map<String, Obj> variants) {
        return new Union(discriminator, defaultVariant, variants);
    }

    // ---- collections

    public record MapOf(Pattern keyPattern, String keyRule, Shape value) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (!(node instanceof YMap map)) {
                c.problems().at(node, path, "expected a mapping for " + c.where(path) + ", got " + YNode.describe(node), null);
                return;
            }
            for (YNode.Entry e : map.entries()) {
                String key = e.key().value();
                String childPath = Checker.child(path, key);
                if (c.reportedElsewhere().contains(key)) {
                    continue;
                }
                if (keyPattern != null && !keyPattern.matcher(key).matches()) {
                    c.problems().at(e.key(), childPath, "invalid name '" + key + "' in " + c.where(path)
                            + ": names must match " + keyPattern.pattern(), keyRule);
                    continue;
                }
                value.check(e.value(), childPath, c);
            }
        }
    }

    public static MapOf mapOf(Shape value) {
        return new MapOf(null, null, value);
    }

    public static MapOf profiles(Shape value) {
        return new MapOf(PROFILE_NAME, "start with a letter; then letters, digits, '_' or '-'", value);
    }

    public static MapOf identMap(Shape value) {
        return new MapOf(IDENTIFIER, "start with a letter; then letters, digits or '_'", value);
    }

    public record ListOf(Shape item, int minItems, boolean unique) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (!(node instanceof YSeq seq)) {
                c.problems().at(node, path, "expected a list for " + c.where(path) + ", got " + YNode.describe(node), null);
                return;
            }
            if (seq.items().size() < minItems) {
                c.problems().at(node, path, c.where(path) + " needs at least " + minItems + " item(s)", null);
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < seq.items().size(); i++) {
                YNode item = seq.items().get(i);
                item(item, path + "[" + i + "]", c);
                if (unique && item instanceof YScalar s && !seen.add(s.value())) {
                    c.problems().at(item, path + "[" + i + "]", "duplicate item '" + s.value() + "' in " + c.where(path), null);
                }
            }
        }

        private void item(YNode n, String p, Checker c) {
            item.check(n, p, c);
        }
    }

    public static ListOf listOf(Shape item) {
        return new ListOf(item, 0, false);
    }

    public static ListOf listOf(Shape item, int minItems) {
        return new ListOf(item, minItems, true);
    }

    // ---- scalars

    /** A string, optionally with a pattern and length bounds. Numbers and booleans are not strings: quote them. */
    public record Str(Pattern pattern, String rule, int minLen, int maxLen) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            Optional<String> v = string(node, path, c);
            if (v.isEmpty()) {
                return;
            }
            String s = v.get();
            if (s.length() < minLen || s.length() > maxLen) {
                c.problems().at(node, path, c.where(path) + " must be " + minLen + " to " + maxLen
                        + " characters long, got " + s.length(), null);
            } else if (pattern != null && !pattern.matcher(s).matches()) {
                c.problems().at(node, path, "invalid value '" + clip(s) + "' for " + c.where(path) + ": " + rule, null);
            }
        }
    }

    public static Str str() {
        return new Str(null, null, 0, Integer.MAX_VALUE);
    }

    public static Str str(int min, int max) {
        return new Str(null, null, min, max);
    }

    public static Str pattern(Pattern p, String rule) {
        return new Str(p, rule, 0, Integer.MAX_VALUE);
    }

    public static Str pattern(String regex, String rule) {
        return pattern(Pattern.compile(regex), rule);
    }

    public static Str profileName() {
        return pattern(PROFILE_NAME, "profile names start with a letter, then letters, digits, '_' or '-'");
    }

    public static Str identifier() {
        return pattern(IDENTIFIER, "identifiers start with a letter, then letters, digits or '_'");
    }

    public static Str semver() {
        return pattern(SEMVER, "must be a semantic version like \"1.2.0\"");
    }

    /** Reads a string scalar or reports why the node is not one. */
    static Optional<String> string(YNode node, String path, Checker c) {
        if (node instanceof YScalar s) {
            ScalarKind k = s.kind();
            if (k == ScalarKind.STRING || k == ScalarKind.YAML11_BOOL) {
                return Optional.of(s.value());
            }
            c.problems().at(node, path, "expected a string for " + c.where(path) + ", got " + YNode.describe(node),
                    "quote it: \"" + s.value() + "\"");
            return Optional.empty();
        }
        c.problems().at(node, path, "expected a string for " + c.where(path) + ", got " + YNode.describe(node), null);
        return Optional.empty();
    }

    public record Enum(List<String> allowed) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (node instanceof YScalar s && allowed.contains(s.value())) {
                return;
            }
            enumError(node, path, allowed, c);
        }
    }

    static void enumError(YNode node, String path, List<String> allowed, Checker c) {
        String shown = node instanceof YScalar s ? "'" + clip(s.value()) + "'" : YNode.describe(node);
        String hint = node instanceof YScalar s ? DidYouMean.hint(s.value(), allowed).orElse(null) : null;
        c.problems().at(node, path, "invalid value " + shown + " for " + c.where(path) + "; expected one of "
                + String.join(", ", allowed), hint);
    }

    public static Enum oneOf(String... allowed) {
        return new Enum(List.of(allowed));
    }

    /** Booleans are true/false only; YAML 1.1 spellings are rejected because readers disagree on them. */
    public record Bool() implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (node instanceof YScalar s) {
                if (s.plain() && (s.value().equals("true") || s.value().equals("false"))) {
                    return;
                }
                if (s.kind() == ScalarKind.YAML11_BOOL || s.kind() == ScalarKind.BOOL) {
                    boolean truthy = List.of("yes", "on", "y", "true").contains(s.value().toLowerCase(java.util.Locale.ROOT));
                    c.problems().at(node, path, "'" + s.value() + "' is not a boolean for " + c.where(path)
                            + " (booleans are true or false only)", "write " + truthy + "; YAML 1.1 and YAML 1.2 readers disagree on '"
                            + s.value() + "'");
                    return;
                }
            }
            c.problems().at(node, path, "expected true or false for " + c.where(path) + ", got " + YNode.describe(node), null);
        }
    }

    public static Bool bool() {
        return new Bool();
    }

    public record Int(long min, long max) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (node instanceof YScalar s && s.kind() == ScalarKind.INT) {
                long v;
                try {
                    v = Long.decode(s.value().replace("0o", "0"));
                } catch (NumberFormatException e) {
                    v = Long.MAX_VALUE;
                }
                if (v < min || v > max) {
                    c.problems().at(node, path, c.where(path) + " must be between " + min + " and " + max + ", got " + s.value(), null);
                }
                return;
            }
            c.problems().at(node, path, "expected an integer for " + c.where(path) + ", got " + YNode.describe(node), null);
        }
    }

    public static Int integer(long min, long max) {
        return new Int(min, max);
    }

    public record Num(double min, double max) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (node instanceof YScalar s && (s.kind() == ScalarKind.INT || s.kind() == ScalarKind.FLOAT)) {
                double v;
                try {
                    v = Double.parseDouble(s.value());
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!(v >= min && v <= max)) {
                    c.problems().at(node, path, c.where(path) + " must be between " + min + " and " + max + ", got " + s.value(), null);
                }
                return;
            }
            c.problems().at(node, path, "expected a number for " + c.where(path) + ", got " + YNode.describe(node), null);
        }
    }

    public static Num number(double min, double max) {
        return new Num(min, max);
    }

    /** A Kubernetes resource quantity: a string or a number. */
    public static Shape quantity() {
        return (node, path, c) -> {
            if (node instanceof YScalar s && (s.kind() == ScalarKind.INT || s.kind() == ScalarKind.FLOAT || s.kind() == ScalarKind.STRING)) {
                return;
            }
            c.problems().at(node, path, "expected a quantity (\"500m\", \"2Gi\", 1) for " + c.where(path) + ", got " + YNode.describe(node), null);
        };
    }

    /** Anything: free-form maps whose content another tool interprets. */
    public static Shape any() {
        return (node, path, c) -> {
        };
    }

    /** A mapping of string keys to string values. */
    public static MapOf stringMap() {
        return mapOf(str());
    }

    // ---- secrets

    /** The bare name of a secret reference. */
    public static Str secretName() {
        return pattern(SECRET_NAME, "secret names start with a letter or digit, then letters, digits, '_' or '-' (at most 253)");
    }

    /** {@code {secret_ref: name}}; a literal here is an error that never echoes the value. */
    public record SecretRef(boolean literalAllowed) implements Shape {
        @Override
        public void check(YNode node, String path, Checker c) {
            if (node instanceof YMap) {
                obj(req("secret_ref", secretName())).check(node, path, c);
                return;
            }
            if (literalAllowed) {
                str().check(node, path, c);
                return;
            }
            String len = node instanceof YScalar s ? " (" + s.value().length() + " chars, value hidden)" : "";
            c.problems().at(node, path, c.where(path) + " must be a secret reference {secret_ref: <name>}, not a literal" + len,
                    "store the value in the secret backend and write {secret_ref: <name>}");
        }
    }

    public static SecretRef secretRef() {
        return new SecretRef(false);
    }

    public static SecretRef strOrRef() {
        return new SecretRef(true);
    }

    // ---- special strings

    public static Shape cron() {
        return (node, path, c) -> string(node, path, c).ifPresent(v -> Cron.check(v).ifPresent(
                why -> c.problems().at(node, path, "invalid cron '" + clip(v) + "' for " + c.where(path) + ": " + why,
                        "five fields: minute(0-59) hour(0-23) day-of-month(1-31) month(1-12) day-of-week(0-7)")));
    }

    public static Shape timezone() {
        return (node, path, c) -> string(node, path, c).ifPresent(v -> {
            try {
                ZoneId.of(v);
            } catch (DateTimeException e) {
                c.problems().at(node, path, "unknown time zone '" + clip(v) + "' for " + c.where(path),
                        "use an IANA name like UTC or Europe/Berlin");
            }
        });
    }

    static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
