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
  private final KeywordPrefilter exact;
  private final KeywordPrefilter folded;
  private final Classifier classifier;

  TokenMatcher(List<TokenRule> rules, Classifier classifier) {
    this.rules = List.copyOf(rules);
    this.classifier = classifier;
    List<List<String>> exactKw = new ArrayList<>();
    List<List<String>> foldKw = new ArrayList<>();
    for (TokenRule r : this.rules) {
      exactKw.add(r.caseSensitiveKeywords() ? r.keywords() : List.of());
      foldKw.add(r.caseSensitiveKeywords() ? List.of() : r.keywords());
    }
    this.exact = new KeywordPrefilter(exactKw, false);
    this.folded = new KeywordPrefilter(foldKw, true);
  }

  List<TokenRule> rules() {
    return rules;
  }

  /**
   * Every rule match in {@code value}; contextual rules are also tried on {@code key=value} when the
   * key name carries their keyword (an env var {@code DD_API_KEY} whose value is bare hex).
   */
  List<Match> match(String value, String keyName) {
    Windows w = new Windows(rules.size());
    exact.scan(value, w);
    folded.scan(value, w);
    List<Match> out = null;
    if (w.any) {
      out = new ArrayList<>(2);
      w.flushAll();
      for (int r = 0; r < rules.size(); r++) {
        if (w.starts[r] != null) {
          runRule(rules.get(r), value, w.starts[r], w.ends[r], out);
        }
      }
    }
    if (keyName != null && !keyName.isEmpty() && value.length() < FWD) {
      Windows kw = new Windows(rules.size());
      folded.scan(keyName, kw);
      if (kw.any) {
        String joined = keyName + "=" + value;
        for (int r = 0; r < rules.size(); r++) {
          TokenRule rule = rules.get(r);
          if (kw.starts[r] != null && rule.contextual() && (!w.any || w.starts[r] == null)) {
            if (out == null) {
              out = new ArrayList<>(1);
            }
            runRule(rule, joined, new IntList(0), new IntList(joined.length()), out);
          }
        }
      }
    }
    return out == null ? List.of() : out;
  }

  private void runRule(TokenRule rule, String text, IntList starts, IntList ends, List<Match> out) {
    for (int i = 0; i < starts.size; i++) {
      int s = Math.min(starts.get(i), text.length());
      int e = Math.min(ends.get(i), text.length());
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

    Windows(int n) {
      this.n = n;
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
        if (starts[r] != null) {
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
