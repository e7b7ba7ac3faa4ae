package dev.floe.gitops.runtime.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML text into a {@link ConfigNode} tree with line:column origins. Composes nodes only (no
 * object construction, so no tags can instantiate classes) and bounds the input: a size cap, an alias
 * cap, a node budget (aliases expand), no duplicate keys, one document.
 */
public final class YamlTreeReader {

    /** Limits; the defaults fit a config file, a generous one is a few hundred lines. */
    public record Limits(int maxChars, int maxAliases, int maxNodes) {
        public static final Limits DEFAULT = new Limits(1 << 20, 50, 200_000);
    }

    public sealed interface Result permits Parsed, Failed {}
    public record Parsed(ConfigNode root) implements Result {}
    public record Failed(List<ConfigError> errors) implements Result {}

    private final String fileName;
    private final Limits limits;

    public YamlTreeReader(String fileName, Limits limits) {
        this.fileName = fileName;
        this.limits = limits;
    }

    public Result read(String text) {
        if (text.length() > limits.maxChars()) {
            return failed("file is " + text.length() + " characters, more than the limit of " + limits.maxChars(), new Origin.File(fileName, 1, 1));
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(fileName)
                .setSchema(new CoreSchema())
                .setCodePointLimit(limits.maxChars())
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowRecursiveKeys(false)
                .setUseMarks(true)
                .build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Origin where = e.getProblemMark().map(this::origin).orElse(new Origin.File(fileName, 1, 1));
            return failed("invalid YAML: " + e.getProblem(), where);
        } catch (YamlEngineException e) {
            // e.g. too many aliases or more than one document; the message names the limit, not data
            return failed("invalid YAML: " + e.getMessage(), new Origin.File(fileName, 1, 1));
        }
        if (node.isEmpty()) return new Parsed(ConfigNode.Mapping.empty(new Origin.File(fileName, 1, 1)));
        List<ConfigError> errors = new ArrayList<>();
        int[] budget = {limits.maxNodes()};
        ConfigNode root = convert(node.get(), ConfigPath.ROOT, errors, budget);
        return errors.isEmpty() ? new Parsed(root) : new Failed(errors);
    }

    private ConfigNode convert(Node node, ConfigPath path, List<ConfigError> errors, int[] budget) {
        Origin origin = node.getStartMark().map(this::origin).orElse(Origin.DEFAULT);
        if (--budget[0] < 0) {
            if (budget[0] == -1) errors.add(ConfigError.of(path, "too many nodes (more than " + limits.maxNodes() + " after expanding aliases)", origin));
            return ConfigNode.Scalar.string("", origin);
        }
        if (node instanceof ScalarNode s) {
            return new ConfigNode.Scalar(s.getValue(), kind(s), origin);
        }
        if (node instanceof SequenceNode seq) {
            List<ConfigNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) items.add(convert(item, path.index(items.size()), errors, budget));
            return new ConfigNode.Sequence(items, origin);
        }
        MappingNode map = (MappingNode) node;
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        Map<String, Origin> keyOrigins = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Origin keyOrigin = tuple.getKeyNode().getStartMark().map(this::origin).orElse(origin);
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                errors.add(ConfigError.of(path, "keys must be plain strings", keyOrigin));
                continue;
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                errors.add(ConfigError.of(path.key(key), "duplicate key (first defined at " + keyOrigins.get(key).describe() + ")", keyOrigin));
                continue;
            }
            keyOrigins.put(key, keyOrigin);
            entries.put(key, convert(tuple.getValueNode(), path.key(key), errors, budget));
        }
        return new ConfigNode.Mapping(entries, keyOrigins, origin);
    }

    private static ConfigNode.Kind kind(ScalarNode s) {
        if (!s.isPlain()) return ConfigNode.Kind.STRING; // quoted: always text
        Tag tag = s.getTag();
        if (Tag.NULL.equals(tag)) return ConfigNode.Kind.NULL;
        if (Tag.BOOL.equals(tag)) return ConfigNode.Kind.BOOL;
        if (Tag.INT.equals(tag)) return ConfigNode.Kind.INT;
        if (Tag.FLOAT.equals(tag)) return ConfigNode.Kind.FLOAT;
        return ConfigNode.Kind.STRING;
    }

    private Origin origin(Mark mark) {
        return new Origin.File(fileName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Failed failed(String message, Origin origin) {
        return new Failed(List.of(ConfigError.of(ConfigPath.ROOT, message, origin)));
    }
}
