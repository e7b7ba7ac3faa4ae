package dev.floe.gitops.webhook.receiver;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified body read as a JSON tree, with accessors that name the dotted path of a missing or
 * mistyped field. A field problem is thrown as {@link FieldProblem} and turned into {@link
 * ParsedEvent.Malformed} by {@link #parse}; messages never contain a value from the body.
 */
final class Payload {

  static final String ZERO_COMMIT = "0000000000000000000000000000000000000000";
  private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern ABBREVIATED_COMMIT_ID = Pattern.compile("[0-9a-f]{7,39}");
  private static final JsonMapper MAPPER = JsonLimits.mapper();

  /** A field the record needs is missing or has the wrong shape; internal to the parse. */
  static final class FieldProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;

    FieldProblem(String field, String problem) {
      super(problem, null, false, false);
      this.field = field;
    }
  }

  /** What an adapter does with a readable body. */
  @FunctionalInterface
  interface Reader {
    ParsedEvent read(Payload payload);
  }

  private final JsonNode root;

  private Payload(JsonNode root) {
    this.root = root;
  }

  /** Parses {@code json} and hands it to {@code reader}; every problem becomes Malformed. */
  static ParsedEvent parse(byte[] json, Reader reader) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      // Jackson's message may quote the input: keep the position only.
      return new ParsedEvent.Malformed(null, "body is not valid JSON" + at(e.getLocation()));
    }
    if (root == null || !root.isObject()) {
      return new ParsedEvent.Malformed(null, "body must be a JSON object");
    }
    try {
      return reader.read(new Payload(root));
    } catch (FieldProblem p) {
      return new ParsedEvent.Malformed(p.field, p.getMessage());
    }
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** A dotted path; a part may end in {@code [i]} to index an array ({@code push.changes[0].new}). */
  private JsonNode node(String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(name);
      if (bracket >= 0) {
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        node = node != null && node.isArray() ? node.get(index) : null;
      }
    }
    return node == null || node.isNull() ? null : node;
  }

  /** The length of the array at {@code path}; a missing or non-array field is a problem. */
  int arraySize(String path) {
    JsonNode node = node(path);
    if (node == null) {
      throw new FieldProblem(path, "is required");
    }
    if (!node.isArray()) {
      throw new FieldProblem(path, "must be an array");
    }
    return node.size();
  }

  boolean has(String path) {
    return node(path) != null;
  }

  String text(String path) {
    JsonNode node = node(path);
    if (node == null) {
      throw new FieldProblem(path, "is required");
    }
    if (!node.isString() || node.asString().isBlank()) {
      throw new FieldProblem(path, "must be a non-empty string");
    }
    return node.asString();
  }

  String optionalText(String path) {
    return has(path) ? text(path) : null;
  }

  /** A full commit id (40 or 64 lower-case hex; upper case is folded, as some hosts vary). */
  String commit(String path) {
    String value = text(path).toLowerCase(java.util.Locale.ROOT);
    if (!COMMIT_ID.matcher(value).matches()) {
      throw new FieldProblem(path, "must be a full 40 or 64 character hex commit id");
    }
    return value;
  }

  /** A pull request's head: a full id, or an abbreviated one of at least 7 hex characters (Bitbucket Cloud). */
  String headCommit(String path) {
    String value = text(path).toLowerCase(java.util.Locale.ROOT);
    if (!COMMIT_ID.matcher(value).matches() && !ABBREVIATED_COMMIT_ID.matcher(value).matches()) {
      throw new FieldProblem(path, "must be a hex commit id, full or abbreviated to at least 7 characters");
    }
    return value;
  }

  int positiveInt(String path) {
    JsonNode node = node(path);
    if (node == null) {
      throw new FieldProblem(path, "is required");
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
      throw new FieldProblem(path, "must be a positive whole number");
    }
    return node.asInt();
  }

  static boolean isZero(String commit) {
    return commit.chars().allMatch(c -> c == '0');
  }
}
