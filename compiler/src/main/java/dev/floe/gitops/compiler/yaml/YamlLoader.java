package dev.floe.gitops.compiler.yaml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one YAML document into a position-keeping {@link YNode} tree, defensively: size is checked before parsing,
 * depth and alias count on the event stream (iterative, so a deep document cannot overflow the stack), and the
 * number of nodes after alias expansion is capped so an alias bomb stays small. Duplicate keys are errors.
 */
public final class YamlLoader {
    private final int maxBytes;
    private final int maxDepth;
    private final int maxAliases;
    private final int maxNodes;

    public YamlLoader(int maxBytes, int maxDepth, int maxAliases, int maxNodes) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
        this.maxNodes = maxNodes;
    }

    public YamlLoad load(byte[] bytes, String label) {
        if (bytes.length > maxBytes) {
            return reject(1, 1, "document is " + bytes.length + " bytes, more than the limit of " + maxBytes,
                    "split the file or remove unused content");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return reject(1, 1, "file is not valid UTF-8", "save it as UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(maxAliases)
                .setCodePointLimit(Math.max(maxBytes, 1))
                .setUseMarks(true)
                .build();
        try {
            Optional<YamlProblem> shape = checkEvents(settings, text);
            if (shape.isPresent()) {
                return new YamlLoad.Rejected(List.of(shape.get()));
            }
            Iterator<Node> docs = new Compose(settings).composeAllFromString(text).iterator();
            if (!docs.hasNext()) {
                return new YamlLoad.Loaded(new YNode.YMap(List.of(), 1, 1));
            }
            Node root = docs.next();
            if (docs.hasNext()) {
                return reject(1, 1, "file holds more than one YAML document", "keep a single document (no '---' separators)");
            }
            List<YamlProblem> problems = new ArrayList<>();
            YNode tree = new Converter(problems).convert(root, "", 0);
            return problems.isEmpty() ? new YamlLoad.Loaded(tree) : new YamlLoad.Rejected(problems);
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String msg = "YAML syntax error: " + firstLine(e.getProblem() == null ? e.getMessage() : e.getProblem());
            Mark context = e.getContextMark().orElse(null);
            if (e.getContext() != null && context != null) {
                msg += " (" + firstLine(e.getContext()) + " at line " + (context.getLine() + 1) + ", column "
                        + (context.getColumn() + 1) + ")";
            }
            return m == null ? reject(1, 1, msg, null) : reject(m.getLine() + 1, m.getColumn() + 1, msg, null);
        } catch (YamlEngineException e) {
            return reject(1, 1, "YAML error: " + firstLine(e.getMessage()), null);
        } catch (TooBig e) {
            return reject(e.line, e.column, e.getMessage(), "remove anchors/aliases or nesting; limits guard the service");
        } catch (StackOverflowError e) {
            return reject(1, 1, "document is nested too deeply", null);
        }
    }

    /** Walks the event stream once (no tree yet) to enforce depth and alias limits cheaply. */
    private Optional<YamlProblem> checkEvents(LoadSettings settings, String text) {
        int depth = 0;
        int aliases = 0;
        for (Event ev : new Parse(settings).parseString(text)) {
            switch (ev.getEventId()) {
                case MappingStart, SequenceStart -> {
                    depth++;
                    if (depth > maxDepth) {
                        return Optional.of(problemAt(ev, "nesting deeper than " + maxDepth + " levels",
                                "flatten the document"));
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> {
                    aliases++;
                    if (aliases > maxAliases) {
                        return Optional.of(problemAt(ev, "more than " + maxAliases + " aliases (possible alias bomb)",
                                "write the values out instead of using anchors and aliases"));
                    }
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static YamlProblem problemAt(Event ev, String message, String hint) {
        Mark m = ev.getStartMark().orElse(null);
        return m == null ? new YamlProblem(1, 1, "", message, hint)
                : new YamlProblem(m.getLine() + 1, m.getColumn() + 1, "", message, hint);
    }

    private static YamlLoad reject(int line, int col, String message, String hint) {
        return new YamlLoad.Rejected(List.of(new YamlProblem(line, col, "", message, hint)));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable document";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Signals that alias expansion went past the node budget. */
    private static final class TooBig extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        TooBig(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** Converts engine nodes, expanding aliases under the node budget and reporting duplicate keys. */
    private final class Converter {
        private final List<YamlProblem> problems;
        private final Map<Node, Boolean> active = new IdentityHashMap<>();
        private int nodes;

        Converter(List<YamlProblem> problems) {
            this.problems = problems;
        }

        YNode convert(Node node, String path, int depth) {
            int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
            int col = node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
            if (++nodes > maxNodes) {
                throw new TooBig("document expands to more than " + maxNodes + " nodes (counting aliases as copies)", line, col);
            }
            if (depth > maxDepth) {
                throw new TooBig("nesting deeper than " + maxDepth + " levels", line, col);
            }
            if (active.containsKey(node)) {
                throw new TooBig("recursive alias", line, col);
            }
            if (node instanceof ScalarNode s) {
                return new YNode.YScalar(s.getValue(), s.isPlain(), line, col);
            }
            active.put(node, Boolean.TRUE);
            try {
                if (node instanceof SequenceNode seq) {
                    List<YNode> items = new ArrayList<>();
                    int i = 0;
                    for (Node child : seq.getValue()) {
                        items.add(convert(child, path + "[" + i++ + "]", depth + 1));
                    }
                    return new YNode.YSeq(items, line, col);
                }
                MappingNode map = (MappingNode) node;
                List<YNode.Entry> entries = new ArrayList<>();
                Map<String, YNode.YScalar> seen = new HashMap<>();
                for (NodeTuple t : map.getValue()) {
                    Node k = t.getKeyNode();
                    int kl = k.getStartMark().map(m -> m.getLine() + 1).orElse(line);
                    int kc = k.getStartMark().map(m -> m.getColumn() + 1).orElse(col);
                    if (!(k instanceof ScalarNode ks)) {
                        problems.add(new YamlProblem(kl, kc, path, "keys must be plain strings, not lists or mappings", null));
                        continue;
                    }
                    String key = ks.getValue();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (ks.isPlain() && key.equals("<<")) {
                        problems.add(new YamlProblem(kl, kc, childPath, "merge keys ('<<') are not supported",
                                "write the keys out"));
                        continue;
                    }
                    YNode.YScalar keyNode = new YNode.YScalar(key, ks.isPlain(), kl, kc);
                    YNode.YScalar first = seen.putIfAbsent(key, keyNode);
                    if (first != null) {
                        problems.add(new YamlProblem(kl, kc, childPath, "duplicate key '" + key + "' (first defined at line "
                                + first.line() + ")", "remove one of them"));
                        continue;
                    }
                    entries.add(new YNode.Entry(keyNode, convert(t.getValueNode(), childPath, depth + 1)));
                }
                return new YNode.YMap(entries, line, col);
            } finally {
                active.remove(node);
            }
        }
    }
}
