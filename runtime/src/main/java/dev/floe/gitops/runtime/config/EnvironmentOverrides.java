package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps {@code FLOE_GITOPS_*} variables to key paths by walking the {@link ConfigSchema}: upper snake case
 * loses camelCase boundaries and map keys, so the schema (and the keys already in the tree) decide where
 * the words split. {@code FLOE_GITOPS_KAFKA_BOOTSTRAP_SERVERS} is {@code kafka.bootstrapServers},
 * {@code FLOE_GITOPS_REPOSITORIES_0_URL} is {@code repositories[0].url}.
 */
public final class EnvironmentOverrides {

    public static final String PREFIX = "FLOE_GITOPS_";

    /** Variables with the prefix that are not configuration keys (read by the launcher script or main). */
    public static final Set<String> RESERVED = Set.of("FLOE_GITOPS_JAVA_OPTS", "FLOE_GITOPS_CONFIG");

    public record Override(ConfigPath path, String value, Origin origin) {}

    public record Mapped(List<Override> overrides, List<ConfigError> errors) {}

    private EnvironmentOverrides() {}

    /** Every prefixed variable becomes an override, or an error naming the nearest known variable. */
    public static Mapped map(Map<String, String> environment, ConfigNode tree) {
        List<Override> overrides = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        // Sorted so list entries are created in index order (REPOSITORIES_0 before REPOSITORIES_1).
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String variable = e.getKey();
            if (!variable.startsWith(PREFIX) || RESERVED.contains(variable)) continue;
            List<String> tokens = Arrays.asList(variable.substring(PREFIX.length()).split("_", -1));
            Optional<ConfigPath> path = walk(ConfigSchema.ROOT, tree, tokens, 0, ConfigPath.ROOT);
            Origin origin = new Origin.Environment(variable);
            if (path.isPresent()) {
                overrides.add(new Override(path.get(), e.getValue(), origin));
            } else {
                List<String> known = knownVariables(tree);
                errors.add(new ConfigError("", "not a configuration key", List.of(),
                        DidYouMean.nearest(variable, known), origin));
            }
        }
        return new Mapped(overrides, errors);
    }

    /** {@code bootstrapServers} → {@code BOOTSTRAP_SERVERS}; {@code eu-west} → {@code EU_WEST}. */
    public static String upperSnake(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(key.charAt(i - 1))) sb.append('_');
            sb.append(c == '-' || c == '.' ? '_' : Character.toUpperCase(c));
        }
        return sb.toString();
    }

    private static Optional<ConfigPath> walk(ValueType type, ConfigNode node, List<String> tokens, int at, ConfigPath path) {
        if (type instanceof ValueType.Section section) {
            for (KeySpec key : section.keys()) {
                int next = match(tokens, at, upperSnake(key.name()));
                if (next < 0) continue;
                Optional<ConfigPath> found = walk(key.type(), child(node, key.name()), tokens, next, path.key(key.name()));
                if (found.isPresent()) return found;
            }
            return Optional.empty();
        }
        if (type instanceof ValueType.SecretRef) {
            int next = match(tokens, at, "SECRET_REF");
            return next == tokens.size() ? Optional.of(path.key("secret_ref")) : Optional.empty();
        }
        if (type instanceof ValueType.ListOf list) {
            if (at >= tokens.size() || tokens.get(at).isEmpty() || !tokens.get(at).chars().allMatch(Character::isDigit)) return Optional.empty();
            int index = Integer.parseInt(tokens.get(at));
            ConfigNode item = node instanceof ConfigNode.Sequence s && index < s.items().size() ? s.items().get(index) : null;
            return walk(list.element(), item, tokens, at + 1, path.index(index));
        }
        if (type instanceof ValueType.MapOf map) {
            // Keys already in the tree win; otherwise the shortest key that leaves a valid remainder, in lower case with '-'.
            if (node instanceof ConfigNode.Mapping m) {
                for (String existing : m.entries().keySet()) {
                    int next = match(tokens, at, upperSnake(existing));
                    if (next < 0) continue;
                    Optional<ConfigPath> found = walk(map.value(), m.entries().get(existing), tokens, next, path.key(existing));
                    if (found.isPresent()) return found;
                }
            }
            for (int end = at + 1; end < tokens.size(); end++) {
                String key = String.join("-", tokens.subList(at, end)).toLowerCase(Locale.ROOT);
                Optional<ConfigPath> found = walk(map.value(), null, tokens, end, path.key(key));
                if (found.isPresent()) return found;
            }
            return Optional.empty();
        }
        if (type instanceof ValueType.Opaque) {
            // Opaque sections have no schema: only keys that already exist in the file can be overridden.
            ConfigNode current = node;
            ConfigPath p = path;
            int i = at;
            while (i < tokens.size()) {
                if (!(current instanceof ConfigNode.Mapping m)) return Optional.empty();
                boolean advanced = false;
                for (String existing : m.entries().keySet()) {
                    int next = match(tokens, i, upperSnake(existing));
                    if (next > i) {
                        current = m.entries().get(existing);
                        p = p.key(existing);
                        i = next;
                        advanced = true;
                        break;
                    }
                }
                if (!advanced) return Optional.empty();
            }
            return current instanceof ConfigNode.Scalar ? Optional.of(p) : Optional.empty();
        }
        // A scalar type: the variable must end here.
        return at == tokens.size() ? Optional.of(path) : Optional.empty();
    }

    private static ConfigNode child(ConfigNode node, String key) {
        return node instanceof ConfigNode.Mapping m ? m.entries().get(key) : null;
    }

    /** Index after the key's words if tokens at {@code at} spell it, else -1. */
    private static int match(List<String> tokens, int at, String snake) {
        String[] words = snake.split("_");
        if (at + words.length > tokens.size()) return -1;
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(at + i).equals(words[i])) return -1;
        }
        return at + words.length;
    }

    /** Every leaf variable for the current tree (list index 0 and existing map keys), for hints. */
    static List<String> knownVariables(ConfigNode tree) {
        List<String> out = new ArrayList<>();
        collect(ConfigSchema.ROOT, tree, PREFIX.substring(0, PREFIX.length() - 1), out);
        return out;
    }

    private static void collect(ValueType type, ConfigNode node, String prefix, List<String> out) {
        if (type instanceof ValueType.Section section) {
            for (KeySpec key : section.keys()) collect(key.type(), child(node, key.name()), prefix + "_" + upperSnake(key.name()), out);
        } else if (type instanceof ValueType.SecretRef) {
            out.add(prefix + "_SECRET_REF");
        } else if (type instanceof ValueType.ListOf list) {
            int size = node instanceof ConfigNode.Sequence s ? Math.max(1, s.items().size()) : 1;
            for (int i = 0; i < size; i++) {
                ConfigNode item = node instanceof ConfigNode.Sequence s && i < s.items().size() ? s.items().get(i) : null;
                collect(list.element(), item, prefix + "_" + i, out);
            }
        } else if (type instanceof ValueType.MapOf map) {
            if (node instanceof ConfigNode.Mapping m) {
                m.entries().forEach((k, v) -> collect(map.value(), v, prefix + "_" + upperSnake(k), out));
            }
        } else if (!(type instanceof ValueType.Opaque)) {
            out.add(prefix);
        }
    }
}
