package dev.floe.gitops.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick automaton over all rule keywords: one pass over a string tells which rules can match
 * and where, so a rule's regex runs only near its keywords. Immutable after construction.
 *
 * <p>The automaton runs on ASCII-folded text, so one pass serves both kinds of keyword; a
 * case-sensitive keyword ({@code AKIA}, {@code ghp_}) is confirmed against the original text at the
 * rare places it hits. Characters outside ASCII never belong to a keyword and reset to the root.
 */
final class KeywordPrefilter {

  /** Receives each keyword occurrence: the rule it belongs to and the index where the keyword starts. */
  interface Hits {
    void hit(int ruleIndex, int start);
  }

  private static final int WIDTH = 128;

  private final int[] next; // state * WIDTH + char -> state
  private final int[][] outRules; // state -> rule indices of keywords ending here (including via fail links)
  private final String[][] outKeywords; // parallel: the keyword as written
  private final boolean[][] outExact; // parallel: whether its case must match

  /**
   * @param keywordsByRule for each rule index, its keywords
   * @param caseSensitive for each rule index, whether its keywords must match in case
   */
  KeywordPrefilter(List<List<String>> keywordsByRule, boolean[] caseSensitive) {
    List<int[]> trans = new ArrayList<>();
    List<List<Object[]>> outs = new ArrayList<>();
    trans.add(newRow());
    outs.add(new ArrayList<>());
    for (int r = 0; r < keywordsByRule.size(); r++) {
      for (String kw : keywordsByRule.get(r)) {
        if (kw.isEmpty()) {
          continue;
        }
        String k = lower(kw);
        int s = 0;
        for (int i = 0; i < k.length(); i++) {
          char c = k.charAt(i);
          if (c >= WIDTH) {
            throw new IllegalArgumentException("keywords must be ASCII");
          }
          if (trans.get(s)[c] < 0) {
            trans.add(newRow());
            outs.add(new ArrayList<>());
            trans.get(s)[c] = trans.size() - 1;
          }
          s = trans.get(s)[c];
        }
        outs.get(s).add(new Object[] {r, kw, caseSensitive[r]});
      }
    }
    int n = trans.size();
    int[][] t = trans.toArray(new int[0][]);
    int[] fail = new int[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < WIDTH; c++) {
      if (t[0][c] < 0) {
        t[0][c] = 0;
      } else {
        fail[t[0][c]] = 0;
        queue.add(t[0][c]);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      outs.get(s).addAll(outs.get(fail[s]));
      for (int c = 0; c < WIDTH; c++) {
        int u = t[s][c];
        if (u < 0) {
          t[s][c] = t[fail[s]][c];
        } else {
          fail[u] = t[fail[s]][c];
          queue.add(u);
        }
      }
    }
    next = new int[n * WIDTH];
    for (int s = 0; s < n; s++) {
      System.arraycopy(t[s], 0, next, s * WIDTH, WIDTH);
    }
    outRules = new int[n][];
    outKeywords = new String[n][];
    outExact = new boolean[n][];
    for (int s = 0; s < n; s++) {
      List<Object[]> o = outs.get(s);
      outRules[s] = new int[o.size()];
      outKeywords[s] = new String[o.size()];
      outExact[s] = new boolean[o.size()];
      for (int i = 0; i < o.size(); i++) {
        outRules[s][i] = (Integer) o.get(i)[0];
        outKeywords[s][i] = (String) o.get(i)[1];
        outExact[s][i] = (Boolean) o.get(i)[2];
      }
    }
  }

  void scan(String text, Hits hits) {
    int s = 0;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c >= WIDTH) {
        s = 0;
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      s = next[s * WIDTH + c];
      int[] rules = outRules[s];
      if (rules.length != 0) {
        String[] kws = outKeywords[s];
        boolean[] exact = outExact[s];
        for (int k = 0; k < rules.length; k++) {
          int start = i - kws[k].length() + 1;
          if (!exact[k] || text.startsWith(kws[k], start)) {
            hits.hit(rules[k], start);
          }
        }
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[WIDTH];
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
