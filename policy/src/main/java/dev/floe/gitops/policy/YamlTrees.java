package dev.floe.gitops.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Parses YAML (and JSON, its subset) into plain trees, remembering the line of every path so
 * findings can point at it. Bounded: nesting depth, node count (aliases cannot multiply a document)
 * and size are capped; anything past them is a parse failure and the caller falls back to lines.
 */
final class YamlTrees {

  /** One document: its tree, and the 1-based line of each path (rendered as in findings). */
  record Doc(Object tree, Map<String, Integer> lines) {}

  /** The text is not YAML, or is too deep or too large to be parsed safely. */
  static final class NotParsable extends Exception {
    private static final long serialVersionUID = 1L;

    NotParsable(String why) {
      super(why, null, false, false);
    }
  }

  static final int MAX_DEPTH = 100;
  private static final int MAX_NODES = 1_000_000;

  private YamlTrees() {}

  static List<Doc> parseAll(String text, boolean withLines) throws NotParsable {
    return parseAll(text, withLines, () -> { });
  }

  /**
   * @param checkpoint called every 64 Ki characters the parser reads and after every document; it
   *     may throw (the scan's budget) to stop a long parse, and that exception passes through
   */
  static List<Doc> parseAll(String text, boolean withLines, Runnable checkpoint) throws NotParsable {
    if (nestingTooDeep(text)) {
      throw new NotParsable("nesting deeper than " + MAX_DEPTH);
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel("input")
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(50)
        .setAllowRecursiveKeys(false)
        .setCodePointLimit(Math.max(1024, text.length() + 16))
        .setUseMarks(withLines)
        .build();
    List<Doc> docs = new ArrayList<>();
    int[] budget = {MAX_NODES};
    try {
      for (Node node : new Compose(settings).composeAllFromReader(new CheckpointReader(text, checkpoint))) {
        Map<String, Integer> lines = withLines ? new HashMap<>() : Map.of();
        Object tree = convert(node, JsonPath.ROOT, lines, withLines, 0, budget);
        docs.add(new Doc(tree, lines));
        checkpoint.run();
      }
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
      // The message may quote the input: never pass it on.
      throw new NotParsable("not valid YAML or JSON");
    } catch (StackOverflowError e) {
      // Guarded by nestingTooDeep; kept as a last line of defence for deep block nesting.
      throw new NotParsable("nesting too deep");
    }
    return docs;
  }

  /** A string reader that calls back as the parser consumes it, so a slow parse can be stopped. */
  private static final class CheckpointReader extends java.io.Reader {
    private final String text;
    private final Runnable checkpoint;
    private int pos;
    private int sinceCheck;

    CheckpointReader(String text, Runnable checkpoint) {
      this.text = text;
      this.checkpoint = checkpoint;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (pos >= text.length()) {
        return -1;
      }
      int n = Math.min(len, text.length() - pos);
      text.getChars(pos, pos + n, buf, off);
      pos += n;
      sinceCheck += n;
      if (sinceCheck >= 1 << 16) {
        sinceCheck = 0;
        checkpoint.run();
      }
      return n;
    }

    @Override
    public void close() {}
  }

  private static Object convert(Node node, JsonPath path, Map<String, Integer> lines, boolean withLines, int depth, int[] budget)
      throws NotParsable {
    if (--budget[0] < 0) {
      throw new NotParsable("too many nodes");
    }
    if (depth > MAX_DEPTH) {
      throw new NotParsable("nesting deeper than " + MAX_DEPTH);
    }
    if (withLines && node.getStartMark().isPresent()) {
      lines.putIfAbsent(path.toString(), node.getStartMark().get().getLine() + 1);
    }
    if (node instanceof ScalarNode s) {
      return scalar(s);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>(seq.getValue().size());
      int i = 0;
      for (Node child : seq.getValue()) {
        out.add(convert(child, path.index(i++), lines, withLines, depth + 1, budget));
      }
      return out;
    }
    if (node instanceof MappingNode map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode ks ? ks.getValue() : "<complex key>";
        if (out.containsKey(key)) {
          key = key + "#" + out.size(); // keep both values of a duplicate key: both are in the file
        }
        out.put(key, convert(t.getValueNode(), path.key(key), lines, withLines, depth + 1, budget));
      }
      return out;
    }
    return null;
  }

  private static Object scalar(ScalarNode s) {
    Tag tag = s.getTag();
    String v = s.getValue();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.valueOf(v.equalsIgnoreCase("true"));
    }
    if (Tag.INT.equals(tag)) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return v; // big or octal-looking integers stay text; they are not secrets either way
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }

  /** A cheap pre-check: flow brackets nested deeper than the parser's stack can take. */
  static boolean nestingTooDeep(String text) {
    int depth = 0;
    int max = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
        if (depth > max) {
          max = depth;
        }
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      }
    }
    if (max > MAX_DEPTH) {
      return true;
    }
    // Block nesting: indentation depth measured in steps is bounded by leading spaces / 1.
    int lineIndent = 0;
    boolean atStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        atStart = true;
        lineIndent = 0;
      } else if (atStart && (c == ' ' || c == '-')) {
        if (++lineIndent > 4 * MAX_DEPTH) {
          return true;
        }
      } else {
        atStart = false;
      }
    }
    return false;
  }
}
