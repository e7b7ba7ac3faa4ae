package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.List;

/** A key path into the configuration tree, rendered as {@code repositories[0].deploy[1].branch}. */
public record ConfigPath(List<Step> steps) {

    public sealed interface Step permits Key, Index {}
    public record Key(String name) implements Step {}
    public record Index(int index) implements Step {}

    public static final ConfigPath ROOT = new ConfigPath(List.of());

    public ConfigPath {
        steps = List.copyOf(steps);
    }

    public ConfigPath key(String name) { return append(new Key(name)); }

    public ConfigPath index(int index) { return append(new Index(index)); }

    private ConfigPath append(Step step) {
        List<Step> next = new ArrayList<>(steps);
        next.add(step);
        return new ConfigPath(next);
    }

    public boolean isRoot() { return steps.isEmpty(); }

    /** The last key name, or empty for the root or an index. */
    public String lastKey() {
        return !steps.isEmpty() && steps.get(steps.size() - 1) instanceof Key k ? k.name() : "";
    }

    /**
     * Parses a flag-style key path: {@code server.port}, {@code repositories[0].url} or
     * {@code repositories.0.url}. Numeric segments are list indexes.
     */
    public static ConfigPath parse(String text) {
        List<Step> out = new ArrayList<>();
        for (String segment : text.split("\\.", -1)) {
            String rest = segment;
            int bracket = rest.indexOf('[');
            String name = bracket >= 0 ? rest.substring(0, bracket) : rest;
            if (name.isEmpty() && bracket != 0) throw new IllegalArgumentException("empty segment in key path '" + text + "'");
            if (!name.isEmpty()) out.add(name.chars().allMatch(Character::isDigit) ? new Index(Integer.parseInt(name)) : new Key(name));
            while (bracket >= 0) {
                int close = rest.indexOf(']', bracket);
                if (close < 0) throw new IllegalArgumentException("unclosed '[' in key path '" + text + "'");
                String number = rest.substring(bracket + 1, close);
                if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
                    throw new IllegalArgumentException("list index must be a number in key path '" + text + "'");
                }
                out.add(new Index(Integer.parseInt(number)));
                rest = rest.substring(close + 1);
                bracket = rest.indexOf('[');
                if (bracket != 0 && !rest.isEmpty()) throw new IllegalArgumentException("unexpected '" + rest + "' in key path '" + text + "'");
            }
        }
        return new ConfigPath(out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step step : steps) {
            // Java 17: no pattern switch yet, so instanceof on the two sealed cases.
            if (step instanceof Key k) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(k.name());
            } else if (step instanceof Index i) {
                sb.append('[').append(i.index()).append(']');
            }
        }
        return sb.isEmpty() ? "(root)" : sb.toString();
    }
}
