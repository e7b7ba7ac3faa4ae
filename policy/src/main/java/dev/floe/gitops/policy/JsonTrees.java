package dev.floe.gitops.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses strict JSON text with Jackson's streaming parser into the same tree {@link YamlTrees}
 * builds for it (duplicate keys kept as {@code key#n}, integers as Long or text, the line of every
 * path). A YAML parser reads JSON too, but at a few MB/s; this reads it at tens of MB/s. Anything
 * that is not a single strict JSON value (comments, trailing text, YAML flow style) returns null and
 * the caller parses it as YAML, as before.
 */
final class JsonTrees {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CHECK_EVERY_TOKENS = 4096;

  private JsonTrees() {}

  /** The document, or null when the text is not one strict JSON object or array. */
  static YamlTrees.Doc parse(String text, boolean withLines, Runnable checkpoint, int maxDepth, int maxNodes) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        return null;
      }
      Builder b = new Builder(p, withLines ? new HashMap<>() : null, checkpoint, maxDepth, maxNodes);
      Object tree = b.value(first, JsonPath.ROOT, 0);
      if (tree == Builder.FAIL || p.nextToken() != null) {
        return null; // more than one value: not what YAML would make of it either way
      }
      return new YamlTrees.Doc(tree, withLines ? b.lines : Map.of());
    } catch (JacksonException | StackOverflowError e) {
      return null;
    }
  }

  private static final class Builder {
    static final Object FAIL = new Object();

    private final JsonParser p;
    private final Map<String, Integer> lines;
    private final Runnable checkpoint;
    private final int maxDepth;
    private int nodesLeft;
    private int untilCheck = CHECK_EVERY_TOKENS;

    Builder(JsonParser p, Map<String, Integer> lines, Runnable checkpoint, int maxDepth, int maxNodes) {
      this.p = p;
      this.lines = lines;
      this.checkpoint = checkpoint;
      this.maxDepth = maxDepth;
      this.nodesLeft = maxNodes;
    }

    /** The value starting at the current token {@code t}, or FAIL when a bound is passed. */
    Object value(JsonToken t, JsonPath path, int depth) {
      if (--nodesLeft < 0 || depth > maxDepth) {
        return FAIL;
      }
      if (--untilCheck <= 0) {
        untilCheck = CHECK_EVERY_TOKENS;
        checkpoint.run();
      }
      if (lines != null) {
        lines.putIfAbsent(path.toString(), p.currentTokenLocation().getLineNr());
      }
      switch (t) {
        case START_OBJECT: {
          Map<String, Object> out = new LinkedHashMap<>();
          for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
            String key = p.currentName();
            if (out.containsKey(key)) {
              key = key + "#" + out.size(); // as YamlTrees: both values of a duplicate key are in the file
            }
            Object v = value(p.nextToken(), path.key(key), depth + 1);
            if (v == FAIL) {
              return FAIL;
            }
            out.put(key, v);
          }
          return out;
        }
        case START_ARRAY: {
          List<Object> out = new ArrayList<>();
          int i = 0;
          for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
            Object v = value(n, path.index(i++), depth + 1);
            if (v == FAIL) {
              return FAIL;
            }
            out.add(v);
          }
          return out;
        }
        case VALUE_STRING:
          return p.getString();
        case VALUE_NUMBER_INT: {
          String s = p.getString();
          try {
            return Long.parseLong(s);
          } catch (NumberFormatException e) {
            return s; // as YamlTrees: big integers stay text
          }
        }
        case VALUE_NUMBER_FLOAT: {
          String s = p.getString();
          try {
            return Double.parseDouble(s);
          } catch (NumberFormatException e) {
            return s;
          }
        }
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_NULL:
          return null;
        default:
          return FAIL;
      }
    }
  }
}
