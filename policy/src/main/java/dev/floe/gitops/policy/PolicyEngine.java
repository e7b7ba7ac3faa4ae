package dev.floe.gitops.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inline-secret detection over parsed trees and over YAML/JSON text. Immutable and thread-safe: one
 * engine serves every scan of a process (admission requests, CLI files, PR checks).
 */
public final class PolicyEngine {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Detectors detectors;

  public PolicyEngine(PolicyConfig config) {
    this.detectors = new Detectors(Objects.requireNonNull(config, "config"));
  }

  public static PolicyEngine defaults() {
    return new PolicyEngine(PolicyConfig.defaults());
  }

  /** Scans a parsed tree (Map/List/String/Number/Boolean/null, any object, not only Kubernetes). */
  public ScanResult scanTree(Object tree, ScanContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    ScanSession session = new ScanSession(detectors, ctx.budget(), "");
    try {
      session.beginDocument(0, Map.of());
      new TreeWalker(detectors, session, ctx.mode()).walkDocument(tree, JsonPath.ROOT, 0, false);
    } catch (ScanSession.BudgetStop stop) {
      return new ScanResult.BudgetExceeded(session.findings(), stop.getMessage());
    }
    return ScanResult.of(session.findings());
  }

  /**
   * Scans YAML (multi-document) or JSON text; findings carry 1-based line numbers. Text that does
   * not parse is scanned line by line, so a broken file cannot hide a secret.
   */
  public ScanResult scanText(byte[] content, String fileName, ScanContext ctx) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(ctx, "ctx");
    String file = fileName == null ? "" : fileName;
    ScanSession session = new ScanSession(detectors, ctx.budget(), file);
    if (content.length > ctx.budget().maxBytes()) {
      return new ScanResult.BudgetExceeded(List.of(), "input of " + content.length + " bytes exceeds the byte budget of "
          + ctx.budget().maxBytes());
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    boolean platformHint = file.toLowerCase(Locale.ROOT).endsWith("platform.yaml") || file.toLowerCase(Locale.ROOT).endsWith("platform.yml");
    TreeWalker walker = new TreeWalker(detectors, session, ctx.mode());
    try {
      String lowerName = file.toLowerCase(Locale.ROOT);
      // .env, properties, INI, .npmrc: line formats; YAML would read them as one long string
      List<YamlTrees.Doc> docs = EmbeddedDocuments.isKeyValueFile(lowerName) ? null : parse(text, session::checkClock);
      if (docs != null && docs.size() == 1 && docs.get(0).tree() instanceof String) {
        docs = null;
      }
      if (docs == null) {
        plainLines(text, walker, session);
      } else {
        for (int i = 0; i < docs.size(); i++) {
          session.beginDocument(i, docs.get(i).lines());
          walker.walkDocument(docs.get(i).tree(), JsonPath.ROOT, 0, platformHint);
        }
        commentLines(text, session);
      }
    } catch (ScanSession.BudgetStop stop) {
      return new ScanResult.BudgetExceeded(session.findings(), stop.getMessage());
    }
    return ScanResult.of(session.findings());
  }

  /** YAML first (it reads JSON too and keeps lines); strict JSON for what YAML rejects (tabs); null if neither. */
  private static List<YamlTrees.Doc> parse(String text, Runnable checkpoint) {
    try {
      return YamlTrees.parseAll(text, true, checkpoint);
    } catch (YamlTrees.NotParsable e) {
      String t = text.stripLeading();
      if (!t.isEmpty() && (t.charAt(0) == '{' || t.charAt(0) == '[') && !YamlTrees.nestingTooDeep(t)) {
        try {
          return List.of(new YamlTrees.Doc(JSON.readValue(t, Object.class), Map.of()));
        } catch (JacksonException | StackOverflowError ignored) {
          return null;
        }
      }
      return null;
    }
  }

  /**
   * A commented-out token is still in Git: YAML comments are not values, so the token formats (and
   * only they: prose in comments mentions passwords all the time) run over comment lines.
   */
  private void commentLines(String text, ScanSession session) {
    int lineNo = 0;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      lineNo++;
      int i = start;
      while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i < end && text.charAt(i) == '#') {
        String comment = text.substring(i + 1, end);
        session.charge(comment.length());
        for (TokenMatcher.Match m : detectors.tokens.match(comment, "")) {
          session.beginDocument(-lineNo, Map.of());
          session.atLine(lineNo);
          session.emit(m.rule().id(), JsonPath.ROOT.key("#comment"), m.masked(), m.rule().severity(), m.rule().remediation(), m.secret());
        }
      }
      start = end + 1;
    }
  }

  /** Fallback for unparseable text: each line is a {@code key: value} or {@code key=value} pair, or plain text. */
  private static void plainLines(String text, TreeWalker walker, ScanSession session) {
    int lineNo = 0;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      lineNo++;
      String line = text.substring(start, end).strip();
      start = end + 1;
      if (!line.isEmpty() && line.charAt(0) != '#') {
        session.beginDocument(lineNo, Map.of());
        session.atLine(lineNo);
        int sep = separator(line);
        if (sep > 0) {
          String key = Classifier.stripQuotes(line.substring(0, sep).strip());
          if (key.startsWith("- ")) {
            key = key.substring(2).strip();
          }
          if (key.startsWith("export ")) {
            key = key.substring(7).strip();
          }
          String value = Classifier.stripQuotes(stripTrailingComma(line.substring(sep + 1).strip()));
          walker.walkDocument(Map.of(key, value), JsonPath.ROOT, 1, false);
        } else {
          walker.walkDocument(line, JsonPath.ROOT, 1, false);
        }
      }
      if (end == n) {
        break;
      }
    }
  }

  private static int separator(String line) {
    int colon = line.indexOf(": ");
    int eq = line.indexOf('=');
    if (colon > 0 && (eq < 0 || colon < eq)) {
      return colon;
    }
    return eq > 0 ? eq : colon;
  }

  private static String stripTrailingComma(String s) {
    return s.endsWith(",") ? s.substring(0, s.length() - 1).strip() : s;
  }

  /** Every rule id this engine can report, token formats and structural rules, for SARIF and docs. */
  public List<RuleDescriptor> rules() {
    java.util.ArrayList<RuleDescriptor> out = new java.util.ArrayList<>();
    for (TokenRule r : detectors.tokens.rules()) {
      out.add(new RuleDescriptor(r.id(), r.description(), r.severity(), r.remediation()));
    }
    for (RuleIds.Info i : RuleIds.STRUCTURAL) {
      if (!detectors.disabled.contains(i.id())) {
        out.add(new RuleDescriptor(i.id(), i.description(), i.severity(), i.remediation()));
      }
    }
    out.add(new RuleDescriptor(RuleDescriptor.BUDGET_EXCEEDED, "The scan ran out of its byte or time budget", Severity.HIGH,
        "Split the input or raise the budget; an input that cannot be scanned is not accepted as clean."));
    return List.copyOf(out);
  }
}
