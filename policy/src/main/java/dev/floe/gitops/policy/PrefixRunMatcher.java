package dev.floe.gitops.policy;

import java.util.Optional;

/**
 * A hand-written matcher for the most common token shape, {@code ((PREFIX)[class]{min,max})} with an
 * optional right boundary: it checks the characters after a keyword hit directly instead of running
 * RE2/J over a window. Dense almost-matches ({@code ghp_ghp_ghp_…}) then cost a few character checks
 * per hit rather than a regex pass over the whole string. Derived from the rule's own pattern text,
 * so the regex stays the specification; {@code PrefixRunMatcherTest} checks both agree.
 */
final class PrefixRunMatcher {

  /** The parsed shape; {@code max} is -1 when unbounded. */
  record Shape(java.util.List<String> prefixes, boolean[] cls, int min, int max, boolean rightBoundary) {}

  private static final String E = "(?:[^A-Za-z0-9_]|$)";

  private static final com.google.re2j.Pattern QUANTIFIER = com.google.re2j.Pattern.compile("^\\{(\\d+)(,(\\d*))?\\}\\)$");

  private PrefixRunMatcher() {}

  /** The shape of {@code regex} when it is exactly {@code ((LITERAL)[CLASS]{m[,n]})} plus an optional boundary. */
  static Optional<Shape> parse(String regex) {
    boolean boundary = regex.endsWith(E);
    String r = boundary ? regex.substring(0, regex.length() - E.length()) : regex;
    if (!r.startsWith("((") || !r.endsWith(")")) {
      return Optional.empty();
    }
    int close = r.indexOf(')', 2);
    if (close < 0) {
      return Optional.empty();
    }
    java.util.List<String> prefixes = new java.util.ArrayList<>();
    StringBuilder prefix = new StringBuilder();
    for (int i = 2; i < close; i++) {
      char c = r.charAt(i);
      if (c == '\\' && i + 1 < close && r.charAt(i + 1) == '.') {
        prefix.append('.');
        i++;
      } else if (c == '|') {
        prefixes.add(prefix.toString()); // an alternation of plain literals: one prefix each
        prefix.setLength(0);
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '/' || c == ':') {
        prefix.append(c);
      } else {
        return Optional.empty(); // another construct: keep the regex
      }
    }
    prefixes.add(prefix.toString());
    if (prefixes.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    int p = close + 1;
    if (p >= r.length() || r.charAt(p) != '[') {
      return Optional.empty();
    }
    int end = r.indexOf(']', p);
    if (end < 0) {
      return Optional.empty();
    }
    boolean[] cls = new boolean[128];
    String body = r.substring(p + 1, end);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        cls[body.charAt(++i) & 127] = true;
      } else if (i + 2 < body.length() && body.charAt(i + 1) == '-' && body.charAt(i + 2) != '\\') {
        for (char x = c; x <= body.charAt(i + 2); x++) {
          cls[x & 127] = true;
        }
        i += 2;
      } else if (c < 128) {
        cls[c] = true;
      } else {
        return Optional.empty();
      }
    }
    String rest = r.substring(end + 1);
    com.google.re2j.Matcher q = QUANTIFIER.matcher(rest);
    if (!q.matches()) {
      return Optional.empty();
    }
    int min = Integer.parseInt(q.group(1));
    int max = q.group(2) == null ? min : q.group(3).isEmpty() ? -1 : Integer.parseInt(q.group(3));
    if (boundary) {
      // The regex may give back characters to satisfy the boundary; that only matters when the class
      // holds characters the boundary accepts. Keep the regex for those.
      for (int c = 0; c < 128; c++) {
        if (cls[c] && !isWord((char) c)) {
          return Optional.empty();
        }
      }
    } else if (max != -1) {
      return Optional.empty(); // a bounded run without a boundary matches a prefix of a longer run
    }
    return Optional.of(new Shape(java.util.List.copyOf(prefixes), cls, min, max, boundary));
  }

  /** The prefix of a token returned by {@link #match}: what the mask may show. */
  static String prefixOf(Shape s, String token) {
    for (String p : s.prefixes()) {
      if (token.startsWith(p)) {
        return p;
      }
    }
    return "";
  }

  /**
   * The token starting at {@code start} (where a prefix must be), or null. Checks the left
   * boundary too. Looks at most {@code max + 1} characters past the prefix when bounded.
   */
  static String match(Shape s, String text, int start) {
    int n = text.length();
    String prefix = null;
    for (String p : s.prefixes()) {
      if (start >= 0 && text.startsWith(p, start)) {
        prefix = p;
        break;
      }
    }
    if (prefix == null) {
      return null;
    }
    if (start > 0 && isWord(text.charAt(start - 1))) {
      return null;
    }
    int i = start + prefix.length();
    int limit = s.max() < 0 ? n : Math.min(n, i + s.max() + 1);
    int j = i;
    while (j < limit) {
      char c = text.charAt(j);
      if (c >= 128 || !s.cls()[c]) {
        break;
      }
      j++;
    }
    int run = j - i;
    if (run < s.min() || s.max() >= 0 && run > s.max()) {
      return null;
    }
    if (s.rightBoundary() && j < n && isWord(text.charAt(j))) {
      return null;
    }
    return text.substring(start, j);
  }

  static boolean isWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }
}
