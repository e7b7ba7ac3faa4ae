package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.List;

/** Sets a scalar at a path in a {@link ConfigNode} tree, creating mappings and list entries on the way. */
final class TreeEditor {

    sealed interface Edit permits Edited, Refused {}
    record Edited(ConfigNode root) implements Edit {}
    record Refused(String reason) implements Edit {}

    private TreeEditor() {}

    static Edit set(ConfigNode root, ConfigPath path, ConfigNode.Scalar value) {
        try {
            return new Edited(set(root, path.steps(), 0, value, ConfigPath.ROOT));
        } catch (RefusedException e) {
            return new Refused(e.getMessage());
        }
    }

    private static ConfigNode set(ConfigNode node, List<ConfigPath.Step> steps, int at, ConfigNode.Scalar value, ConfigPath walked) {
        if (at == steps.size()) return value;
        ConfigPath.Step step = steps.get(at);
        Origin origin = value.origin();
        if (step instanceof ConfigPath.Key key) {
            ConfigNode.Mapping mapping;
            if (node == null || (node instanceof ConfigNode.Scalar s && s.isNull())) {
                mapping = ConfigNode.Mapping.empty(origin);
            } else if (node instanceof ConfigNode.Mapping m) {
                mapping = m;
            } else {
                throw new RefusedException(describe(walked) + " is not a mapping, so it has no key '" + key.name() + "'");
            }
            ConfigNode child = mapping.entries().get(key.name());
            return mapping.with(key.name(), set(child, steps, at + 1, value, walked.key(key.name())), origin);
        }
        int index = ((ConfigPath.Index) step).index();
        ConfigNode.Sequence sequence;
        if (node == null || (node instanceof ConfigNode.Scalar s && s.isNull())) {
            sequence = new ConfigNode.Sequence(List.of(), origin);
        } else if (node instanceof ConfigNode.Sequence s) {
            sequence = s;
        } else {
            throw new RefusedException(describe(walked) + " is not a list, so it has no index " + index);
        }
        int size = sequence.items().size();
        if (index > size) {
            throw new RefusedException("index " + index + " is past the end of " + describe(walked) + " (" + size
                    + " entries; use index " + size + " to add one)");
        }
        List<ConfigNode> items = new ArrayList<>(sequence.items());
        ConfigNode child = index < size ? items.get(index) : null;
        ConfigNode updated = set(child, steps, at + 1, value, walked.index(index));
        if (index < size) items.set(index, updated); else items.add(updated);
        return new ConfigNode.Sequence(items, sequence.origin());
    }

    private static String describe(ConfigPath path) {
        return path.isRoot() ? "the configuration" : "'" + path + "'";
    }

    private static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        RefusedException(String message) { super(message, null, false, false); }
    }
}
