package dev.floe.gitops.policy;

import com.google.re2j.Matcher;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs pattern rules over one string: the keyword prefilter finds where each rule could match, and
 * the rule's RE2 pattern runs only on merged windows around those places. A string without any
 * keyword costs one automaton pass per case mode and no regex at all.
 */
final class TokenMatcher {

  /** A rule that matched: the rule, the masked token and its length. The raw token stays here. */
  record Match(TokenRule rule, String masked, String secret) {
    @Override
    public String toString() {
      return rule.id() + " (" + masked + ")";
    }
  }

  // How far around a keyword a match may start and end. Tokens start at most BACK characters before
  // their keyword (Terraform's id, OpenAI's legacy marker) and are at most FWD long (JWTs).
  private static final int BACK = 96;
  private static final int FWD = 8192;

  private final List<TokenRule> rules;
  private final KeywordPrefilter prefilter;
  /** Only the contextual rules' keywords: what a key name is checked against. */
  private final KeywordPrefilter contextualPrefilter;
  private final Classifier classifier;
  /** Per rule, the hand-matchable shape of its pattern, or null when the regex must run. */
  private final PrefixRunMatcher.Shape[] shapes;

  TokenMatcher(List<TokenRule> rules, Classifier classifier) {
    this.rules = List.copyOf(rules);
    this.classifier = classifier;
    this.shapes = new PrefixRunMatcher.Shape[this.rules.size()];
    for (int i = 0; i < shapes.length; i++) {
      TokenRule r = this.rules.get(i);
      if (r.leftBoundary() && !r.contextual() && r.secretGroup() == 1 && r.prefixGroup() == 2
          && r.keywords().stream().allMatch(k -> PrefixRunMatcher.parse(r.pattern().pattern()).map(sh -> sh.prefixes().contains(k)).orElse(false))) {
        shapes[i] = PrefixRunMatcher.parse(r.pattern().pattern()).orElse(null);
      }
    }
    List<List<String>> all = new ArrayList<>();
    List<List<String>> contextual = new ArrayList<>();
    boolean[] caseSensitive = new boolean[this.rules.size()];
    for (int i = 0; i < this.rules.size(); i++) {
      TokenRule r = this.rules.get(i);
      all.add(r.keywords());
      contextual.add(r.contextual() ? r.keywords() : List.of());
      caseSensitive[i] = r.caseSensitiveKeywords();
    }
    this.prefilter = new KeywordPrefilter(all, caseSensitive);
    this.contextualPrefilter = new KeywordPrefilter(contextual, caseSensitive);
  }

  List<TokenRule> rules() {
    return rules;
  }

  /**
   * Every rule match in {@code value}; contextual rules are also tried on {@code key=value} when the
   * key name carries their keyword (an env var {@code DD_API_KEY} whose value is bare hex).
   */
  List<Match> match(String value, String keyName) {
    Windows w = new Windows(rules.size(), shapes);
    prefilter.scan(value, w);
    List<Match> out = null;
    if (w.any) {
      out = new ArrayList<>(2);
      w.flushAll();
      for (int r = 0; r < rules.size(); r++) {
        if (w.starts[r] == null) {
          continue;
        }
        if (shapes[r] != null) {
          runShape(rules.get(r), shapes[r], value, w.starts[r], out);
        } else {
          runRule(rules.get(r), value, w.starts[r], w.ends[r], out);
        }
      }
    }
    if (keyName != null && !keyName.isEmpty() && value.length() < FWD) {
      int[] contextual = contextualRulesFor(keyName);
      if (contextual.length > 0) {
        String joined = keyName + "=" + value;
        for (int r : contextual) {
          if (!w.any || w.starts[r] == null) {
            if (out == null) {
              out = new ArrayList<>(1);
            }
            runRule(rules.get(r), joined, new IntList(0), new IntList(joined.length()), out);
          }
        }
      }
    }
    return out == null ? List.of() : out;
  }

  private static final int[] NO_RULES = new int[0];
  private static final int KEY_CACHE_LIMIT = 4096;
  /** Key names repeat endlessly (name, value, image, …): remember which contextual rules each one names. */
  private final java.util.concurrent.ConcurrentHashMap<String, int[]> contextualByKey = new java.util.concurrent.ConcurrentHashMap<>();

  private int[] contextualRulesFor(String keyName) {
    int[] cached = contextualByKey.get(keyName);
    if (cached != null) {
      return cached;
    }
    Windows kw = new Windows(rules.size(), new PrefixRunMatcher.Shape[rules.size()]);
    contextualPrefilter.scan(keyName, kw);
    int[] found = NO_RULES;
    if (kw.any) {
      found = java.util.stream.IntStream.range(0, rules.size())
          .filter(r -> kw.starts[r] != null && rules.get(r).contextual()).toArray();
    }
    if (contextualByKey.size() < KEY_CACHE_LIMIT && keyName.length() <= 256) {
      contextualByKey.put(keyName, found);
    }
    return found;
  }

  /** Hand-matched rules: each keyword hit is a candidate start; a few character checks decide it. */
  private static void runShape(TokenRule rule, PrefixRunMatcher.Shape shape, String text, IntList hits, List<Match> out) {
    int last = -1;
    for (int i = 0; i < hits.size; i++) {
      int at = hits.get(i);
      if (at <= last) {
        continue;
      }
      String token = PrefixRunMatcher.match(shape, text, at);
      if (token == null || Entropy.bitsPerChar(token) < rule.entropyFloor()) {
        continue;
      }
      last = at + token.length() - 1;
      out.add(new Match(rule, Masker.mask(PrefixRunMatcher.prefixOf(shape, token), token.length()), token));
    }
  }

  /**
   * The shortest run of token characters a match of the rule needs (PEM bodies, JWT signatures,
   * Telegram secrets). A window without such a run cannot match, and a plain loop says so far faster
   * than a regex pass: this is what keeps repeated headers ({@code -----BEGIN PRIVATE KEY-----…}) cheap.
   */
  private static int requiredRun(TokenRule rule) {
    return switch (rule.id()) {
      case "private-key" -> 32;
      case "jwt", "telegram-bot-token" -> 16;
      default -> 0;
    };
  }

  private static boolean hasRun(String text, int s, int e, int need) {
    int run = 0;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || c == '-' || c == '_') {
        if (++run >= need) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  private void runRule(TokenRule rule, String text, IntList starts, IntList ends, List<Match> out) {
    int need = requiredRun(rule);
    for (int i = 0; i < starts.size; i++) {
      int s = Math.min(starts.get(i), text.length());
      int e = Math.min(ends.get(i), text.length());
      if (need > 0 && !hasRun(text, s, e, need)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(CharBuffer.wrap(text, s, e));
      while (m.find()) {
        String secret = m.group(rule.secretGroup());
        if (secret == null || secret.isEmpty()) {
          continue;
        }
        if (rule.leftBoundary()) {
          int at = s + m.start(rule.secretGroup());
          if (at > 0 && isWordChar(text.charAt(at - 1))) {
            continue;
          }
        }
        if (Entropy.bitsPerChar(secret) < rule.entropyFloor()) {
          continue;
        }
        if (rule.contextual() && !classifier.isLiteralSecret(secret, Classifier.KeyKind.STRICT)) {
          continue;
        }
        out.add(new Match(rule, Masker.mask(publicPrefix(m, rule), secret.length()), secret));
        if (m.end() >= e) {
          break;
        }
      }
    }
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** The first participating group from the rule's prefix group on: alternations list one prefix group each. */
  private static String publicPrefix(Matcher m, TokenRule rule) {
    if (rule.prefixGroup() < 0) {
      return "";
    }
    for (int g = rule.prefixGroup(); g <= m.groupCount(); g++) {
      String p = m.group(g);
      if (p != null) {
        return p;
      }
    }
    return "";
  }

  /** Per rule, the merged windows around its keyword hits; allocated lazily on the first hit. */
  private static final class Windows implements KeywordPrefilter.Hits {
    private static final IntList[] NONE = new IntList[0];
    IntList[] starts = NONE;
    IntList[] ends;
    int[] curStart;
    int[] curEnd;
    boolean any;
    private final int n;
    private final PrefixRunMatcher.Shape[] shapes;

    Windows(int n, PrefixRunMatcher.Shape[] shapes) {
      this.n = n;
      this.shapes = shapes;
    }

    @Override
    public void hit(int rule, int start) {
      if (!any) {
        // Most strings hit no keyword: allocate the per-rule tables only when one does.
        any = true;
        starts = new IntList[n];
        ends = new IntList[n];
        curStart = new int[n];
        curEnd = new int[n];
      }
      if (shapes[rule] != null) {
        // hand-matched rules keep the hit itself (the token starts there), in starts[]
        if (starts[rule] == null) {
          starts[rule] = new IntList();
          ends[rule] = new IntList();
        }
        starts[rule].add(start);
        return;
      }
      int ws = Math.max(0, start - BACK);
      long we = (long) start + FWD;
      if (starts[rule] == null) {
        starts[rule] = new IntList();
        ends[rule] = new IntList();
        curStart[rule] = ws;
        curEnd[rule] = (int) Math.min(Integer.MAX_VALUE, we);
      } else if (ws <= curEnd[rule]) {
        curEnd[rule] = (int) Math.max(curEnd[rule], Math.min(Integer.MAX_VALUE, we));
      } else {
        starts[rule].add(curStart[rule]);
        ends[rule].add(curEnd[rule]);
        curStart[rule] = ws;
        curEnd[rule] = (int) Math.min(Integer.MAX_VALUE, we);
      }
    }

    void flushAll() {
      for (int r = 0; r < n; r++) {
        if (starts[r] != null && shapes[r] == null) {
          starts[r].add(curStart[r]);
          ends[r].add(curEnd[r]);
        }
      }
    }
  }

  /** Window bounds are clamped to the text when used. */
  private static final class IntList {
    int[] a = new int[4];
    int size;

    IntList() {}

    IntList(int single) {
      add(single);
    }

    void add(int v) {
      if (size == a.length) {
        a = java.util.Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int get(int i) {
      return a[i];
    }
  }
}
