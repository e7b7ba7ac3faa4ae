package dev.floe.gitops.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over all rule keywords: one pass over a string tells which rules can match
 * and where, so a rule's regex runs only near its keywords. Immutable after construction.
 *
 * <p>Characters outside ASCII never start or continue a keyword (all keywords are ASCII), so the
 * transition table is 128 wide and a non-ASCII character resets to the root.
 */
final class KeywordPrefilter {

  /** Receives each keyword occurrence: the rule it belongs to and the index where the keyword starts. */
  interface Hits {
    void hit(int ruleIndex, int start);
  }

  private final boolean foldCase;
  private final int[][] next; // state -> ascii -> state
  private final int[] fail;
  private final int[][] outRules; // state -> rule indices ending here (including via fail links)
  private final int[][] outLengths; // parallel: keyword lengths

  /**
   * @param keywordsByRule for each rule index, its keywords (already in the case to match)
   * @param foldCase whether matching ignores ASCII case
   */
  KeywordPrefilter(List<List<String>> keywordsByRule, boolean foldCase) {
    this.foldCase = foldCase;
    List<int[]> trans = new ArrayList<>();
    List<List<int[]>> outs = new ArrayList<>();
    trans.add(newRow());
    outs.add(new ArrayList<>());
    for (int r = 0; r < keywordsByRule.size(); r++) {
      for (String kw : keywordsByRule.get(r)) {
        String k = foldCase ? lower(kw) : kw;
        if (k.isEmpty()) {
          continue;
        }
        int s = 0;
        for (int i = 0; i < k.length(); i++) {
          char c = k.charAt(i);
          if (c >= 128) {
            throw new IllegalArgumentException("keywords must be ASCII");
          }
          if (trans.get(s)[c] < 0) {
            trans.add(newRow());
            outs.add(new ArrayList<>());
            trans.get(s)[c] = trans.size() - 1;
          }
          s = trans.get(s)[c];
        }
        outs.get(s).add(new int[] {r, k.length()});
      }
    }
    int n = trans.size();
    next = trans.toArray(new int[0][]);
    fail = new int[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < 128; c++) {
      if (next[0][c] < 0) {
        next[0][c] = 0;
      } else {
        fail[next[0][c]] = 0;
        queue.add(next[0][c]);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      outs.get(s).addAll(outs.get(fail[s]));
      for (int c = 0; c < 128; c++) {
        int t = next[s][c];
        if (t < 0) {
          next[s][c] = next[fail[s]][c];
        } else {
          fail[t] = next[fail[s]][c];
          queue.add(t);
        }
      }
    }
    outRules = new int[n][];
    outLengths = new int[n][];
    for (int s = 0; s < n; s++) {
      List<int[]> o = outs.get(s);
      outRules[s] = o.stream().mapToInt(a -> a[0]).toArray();
      outLengths[s] = o.stream().mapToInt(a -> a[1]).toArray();
    }
  }

  void scan(CharSequence text, Hits hits) {
    int s = 0;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        s = 0;
        continue;
      }
      if (foldCase && c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      s = next[s][c];
      int[] rules = outRules[s];
      if (rules.length != 0) {
        int[] lens = outLengths[s];
        for (int k = 0; k < rules.length; k++) {
          hits.hit(rules[k], i - lens[k] + 1);
        }
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[128];
    Arrays.fill(row, -1);
    return row;
  }

  static String lower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return sb.toString();
  }
}
