package dev.floe.gitops.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import org.snakeyaml.engine.v2.schema.Schema;

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

  /**
   * The default (JSON) schema with a resolver that answers {@code str} without a regex for a plain
   * scalar whose first character starts none of the schema's implicit types. The stock resolver
   * allocates a Matcher for every such scalar (its empty-string check has no first character); the
   * tags it returns are the same.
   */
  private static final Schema FAST_JSON_SCHEMA = new JsonSchema() {
    private final ScalarResolver stock = super.getScalarResolver();
    private final ScalarResolver fast = (value, implicit) -> {
      if (implicit && !value.isEmpty() && IMPLICIT_FIRST_CHARS.indexOf(value.charAt(0)) < 0) {
        return Tag.STR;
      }
      return stock.resolve(value, implicit);
    };

    @Override
    public ScalarResolver getScalarResolver() {
      return fast;
    }
  };

  /** First characters of JsonScalarResolver's implicit types: bool, int, float, null, ${ENV}. */
  private static final String IMPLICIT_FIRST_CHARS = "tf-0123456789.n$\u0000";
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
    if (startsLikeJson(text)) {
      Doc json = JsonTrees.parse(text, withLines, checkpoint, MAX_DEPTH, MAX_NODES);
      if (json != null) {
        checkpoint.run();
        return List.of(json);
      }
    }
    LoadSettings settings = settings(text, withLines);
    try {
      List<Doc> direct = new EventBuilder(withLines, checkpoint).parse(settings, text);
      if (direct != null) {
        return direct;
      }
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
      // The message may quote the input: never pass it on.
      throw new NotParsable("not valid YAML or JSON");
    } catch (StackOverflowError e) {
      // Guarded by nestingTooDeep; kept as a last line of defence for deep block nesting.
      throw new NotParsable("nesting too deep");
    }
    return composeAll(settings, text, withLines, checkpoint); // aliases or complex keys need the node graph
  }

  private static LoadSettings settings(String text, boolean withLines) {
    return withLines ? WITH_MARKS : WITHOUT_MARKS;
  }

  /**
   * Built once: the settings do not depend on the text (its size is bounded by the caller's budget,
   * so the reader's code-point limit only has to be out of the way).
   */
  private static final LoadSettings WITH_MARKS = newSettings(true);
  private static final LoadSettings WITHOUT_MARKS = newSettings(false);

  private static LoadSettings newSettings(boolean withLines) {
    return LoadSettings.builder()
        .setLabel("input")
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(50)
        .setAllowRecursiveKeys(false)
        .setCodePointLimit(Integer.MAX_VALUE)
        .setUseMarks(withLines)
        .setSchema(FAST_JSON_SCHEMA)
        .build();
  }

  /** YAML only, through the composed node graph: the reference the event builder must agree with (tests). */
  static List<Doc> composeAll(String text, boolean withLines) throws NotParsable {
    return composeAll(settings(text, withLines), text, withLines, () -> { });
  }

  private static List<Doc> composeAll(LoadSettings settings, String text, boolean withLines, Runnable checkpoint)
      throws NotParsable {
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
      throw new NotParsable("not valid YAML or JSON");
    } catch (StackOverflowError e) {
      throw new NotParsable("nesting too deep");
    }
    return docs;
  }

  /**
   * Builds the trees straight from the parser's events: the same trees, lines, bounds and scalar
   * types as composing nodes and then converting them, without the node graph in between (the
   * composer's nodes, comment collectors and recursion checks cost about as much as the walk).
   * A document with an alias or a non-scalar key returns null and is composed as before.
   */
  private static final class EventBuilder {
    private static final String NULL = Tag.NULL.getValue();
    private static final String BOOL = Tag.BOOL.getValue();
    private static final String INT = Tag.INT.getValue();
    private static final String FLOAT = Tag.FLOAT.getValue();

    private final boolean withLines;
    private final Runnable checkpoint;
    private final ScalarResolver resolver = FAST_JSON_SCHEMA.getScalarResolver();
    private Iterator<Event> events;
    private Map<String, Integer> lines;
    private int nodesLeft = MAX_NODES;

    EventBuilder(boolean withLines, Runnable checkpoint) {
      this.withLines = withLines;
      this.checkpoint = checkpoint;
    }

    /** The documents, or null when one needs the node graph (an alias, a complex key). */
    List<Doc> parse(LoadSettings settings, String text) throws NotParsable {
      events = new Parse(settings).parseReader(new CheckpointReader(text, checkpoint)).iterator();
      List<Doc> docs = new ArrayList<>();
      while (events.hasNext()) {
        Event e = events.next();
        if (e.getEventId() != Event.ID.DocumentStart) {
          continue; // stream start/end, document end
        }
        lines = withLines ? new HashMap<>() : Map.of();
        Object tree = node(events.next(), JsonPath.ROOT, 0);
        if (tree == NEEDS_GRAPH) {
          return null;
        }
        docs.add(new Doc(tree, lines));
        checkpoint.run();
      }
      return docs;
    }

    private static final Object NEEDS_GRAPH = new Object();

    private Object node(Event e, JsonPath path, int depth) throws NotParsable {
      Event.ID id = e.getEventId();
      if (id == Event.ID.Alias) {
        return NEEDS_GRAPH;
      }
      if (--nodesLeft < 0) {
        throw new NotParsable("too many nodes");
      }
      if (depth > MAX_DEPTH) {
        throw new NotParsable("nesting deeper than " + MAX_DEPTH);
      }
      if (withLines && e.getStartMark().isPresent()) {
        lines.putIfAbsent(path.toString(), e.getStartMark().get().getLine() + 1);
      }
      switch (id) {
        case Scalar:
          return scalar((ScalarEvent) e);
        case SequenceStart: {
          List<Object> out = new ArrayList<>();
          int i = 0;
          for (Event c = events.next(); c.getEventId() != Event.ID.SequenceEnd; c = events.next()) {
            Object v = node(c, path.index(i++), depth + 1);
            if (v == NEEDS_GRAPH) {
              return NEEDS_GRAPH;
            }
            out.add(v);
          }
          return out;
        }
        case MappingStart: {
          Map<String, Object> out = new LinkedHashMap<>();
          for (Event k = events.next(); k.getEventId() != Event.ID.MappingEnd; k = events.next()) {
            if (k.getEventId() != Event.ID.Scalar) {
              return NEEDS_GRAPH;
            }
            String key = ((ScalarEvent) k).getValue();
            if (out.containsKey(key)) {
              key = key + "#" + out.size(); // as convert: keep both values of a duplicate key
            }
            Object v = node(events.next(), path.key(key), depth + 1);
            if (v == NEEDS_GRAPH) {
              return NEEDS_GRAPH;
            }
            out.put(key, v);
          }
          return out;
        }
        default:
          throw new IllegalStateException("unexpected event " + id);
      }
    }

    /** As the composer resolves a scalar's tag, then as {@link #scalar(ScalarNode)} converts it. */
    private Object scalar(ScalarEvent e) {
      String v = e.getValue();
      Optional<String> explicit = e.getTag();
      String tag = explicit.isEmpty() || explicit.get().equals("!")
          ? resolver.resolve(v, e.getImplicit().canOmitTagInPlainScalar()).getValue()
          : new Tag(explicit.get()).getValue(); // the composer's validation and encoding, for rare explicit tags
      return YamlTrees.scalar(tag, v);
    }
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
    return scalar(s.getTag().getValue(), s.getValue());
  }

  private static Object scalar(String tag, String v) {
    if (EventBuilder.NULL.equals(tag)) {
      return null;
    }
    if (EventBuilder.BOOL.equals(tag)) {
      return Boolean.valueOf(v.equalsIgnoreCase("true"));
    }
    if (EventBuilder.INT.equals(tag)) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return v; // big or octal-looking integers stay text; they are not secrets either way
      }
    }
    if (EventBuilder.FLOAT.equals(tag)) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }

  private static boolean startsLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        return true;
      }
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return false;
  }

  /**
   * A cheap pre-check, one pass: flow brackets nested deeper than the parser's stack can take, or
   * block nesting (leading spaces and dashes of a line) deeper than {@code 4 * MAX_DEPTH}.
   */
  static boolean nestingTooDeep(String text) {
    int depth = 0;
    int lineIndent = 0;
    boolean atStart = true;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          return true;
        }
        atStart = false;
      } else if (c == ']' || c == '}') {
        if (depth > 0) {
          depth--;
        }
        atStart = false;
      } else if (c == '\n') {
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
