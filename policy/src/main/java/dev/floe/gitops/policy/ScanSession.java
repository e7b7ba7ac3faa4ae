package dev.floe.gitops.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state of one scan: findings so far, dedupe, bytes and time spent. Single-threaded and
 * short-lived; the engine creates one per call, so the engine itself stays immutable.
 */
final class ScanSession {

  /** Thrown inside the walk when the budget runs out; caught by the engine, never escapes. */
  static final class BudgetStop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetStop(String reason) {
      super(reason, null, false, false);
    }
  }

  private final Detectors detectors;
  private final Budget budget;
  private final String file;
  private final long startNanos;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private final Set<String> pathsWithFindings = new HashSet<>();
  private final Set<String> claimed = new HashSet<>();
  private final Map<EmbeddedKey, Embedded> embedded = new java.util.HashMap<>();
  private long bytes;
  private int docIndex;
  private Map<String, Integer> lines = Map.of();
  private int fixedLine;
  private String objectNamespace;
  private String objectName;

  ScanSession(Detectors detectors, Budget budget, String file) {
    this.detectors = detectors;
    this.budget = budget;
    this.file = file == null ? "" : file;
    this.startNanos = budget.nanoTime().getAsLong();
  }

  void beginDocument(int index, Map<String, Integer> docLines) {
    this.docIndex = index;
    this.lines = docLines;
    this.fixedLine = 0;
    this.objectNamespace = null;
    this.objectName = null;
  }

  /** The scanned object's metadata, for administrators' exemptions. */
  void atObject(String namespace, String name) {
    this.objectNamespace = namespace;
    this.objectName = name;
  }

  void atLine(int line) {
    this.fixedLine = line;
  }

  /** Counts {@code n} characters against the byte budget and checks the clock. */
  void charge(long n) {
    bytes += n;
    if (bytes > budget.maxBytes()) {
      throw new BudgetStop("byte budget of " + budget.maxBytes() + " exceeded");
    }
    if (budget.nanoTime().getAsLong() - startNanos > budget.maxNanos()) {
      throw new BudgetStop("time budget of " + (budget.maxNanos() / 1_000_000) + " ms exceeded");
    }
  }

  /** Whether this scan has line numbers (text scans) worth extending into embedded documents. */
  boolean tracksLines() {
    return !lines.isEmpty() && lines instanceof java.util.HashMap;
  }

  /**
   * Records lines of a document embedded in the string at {@code base}: its relative line
   * {@code l} sits at the string's line plus {@code l - 1}, plus one for a block scalar whose text
   * starts on the line after its key.
   */
  void addEmbeddedLines(JsonPath base, Map<String, Integer> relative, boolean blockScalar) {
    int baseLine = lineOf(base);
    if (baseLine == 0 || !tracksLines()) {
      return;
    }
    String prefix = base.toString();
    for (Map.Entry<String, Integer> e : relative.entrySet()) {
      String p = e.getKey();
      String full = p.isEmpty() ? prefix : p.startsWith("[") ? prefix + p : prefix.isEmpty() ? p : prefix + "." + p;
      lines.putIfAbsent(full, baseLine + (blockScalar ? 1 : 0) + e.getValue() - 1);
    }
  }

  /** A document parsed out of a string value (tree null: not a document), with its relative lines when asked for. */
  record Embedded(Object tree, Map<String, Integer> lines) {}

  private record EmbeddedKey(String value, String key, boolean withLines) {}

  /** Strings shorter than this are parsed again: hashing them costs about what parsing does. */
  private static final int MIN_REMEMBERED_CHARS = 256;

  /**
   * The same value under the same key, seen earlier in this scan (a manifest repeated in
   * last-applied-configuration, one config in several ConfigMaps): its parse, or null. The walker
   * never changes a tree, so walking the remembered one at a new path gives the same findings.
   */
  Embedded embedded(String value, String key, boolean withLines) {
    return value.length() < MIN_REMEMBERED_CHARS ? null : embedded.get(new EmbeddedKey(value, key, withLines));
  }

  Embedded rememberEmbedded(String value, String key, boolean withLines, Embedded parsed) {
    if (value.length() >= MIN_REMEMBERED_CHARS) {
      embedded.put(new EmbeddedKey(value, key, withLines), parsed);
    }
    return parsed;
  }

  /** Checks only the clock: for work that reads no values (parsing). */
  void checkClock() {
    charge(0);
  }

  boolean hasFindingAt(JsonPath path) {
    return pathsWithFindings.contains(docIndex + "\u0000" + path);
  }

  /** Marks a path as explained by a structural rule, so pattern rules do not report it again. */
  void claim(JsonPath path) {
    claimed.add(docIndex + "\u0000" + path);
  }

  boolean isClaimed(JsonPath path) {
    return !claimed.isEmpty() && claimed.contains(docIndex + "\u0000" + path);
  }

  void emit(String ruleId, JsonPath path, String masked, Severity severity, String remediation, String raw) {
    if (detectors.disabled.contains(ruleId)) {
      return;
    }
    String p = path.toString();
    String key = docIndex + "\u0000" + p + "\u0000" + ruleId;
    if (seen.contains(key) || detectors.allowed(ruleId, p, raw)
        || !detectors.exemptions.isEmpty() && detectors.exempt(ruleId, objectNamespace, objectName)) {
      return;
    }
    seen.add(key);
    pathsWithFindings.add(docIndex + "\u0000" + p);
    findings.add(new Finding(ruleId, p, file, lineOf(path), masked, severity, remediation));
  }

  void emit(String structuralRule, JsonPath path, String masked, String raw) {
    RuleIds.Info i = RuleIds.info(structuralRule);
    emit(i.id(), path, masked, i.severity(), i.remediation(), raw);
  }

  private int lineOf(JsonPath path) {
    if (fixedLine > 0) {
      return fixedLine;
    }
    if (lines.isEmpty()) {
      return 0;
    }
    for (JsonPath p = path; p != null; p = p.parent()) {
      Integer l = lines.get(p.toString());
      if (l != null) {
        return l;
      }
    }
    return 0;
  }

  List<Finding> findings() {
    return findings;
  }
}
