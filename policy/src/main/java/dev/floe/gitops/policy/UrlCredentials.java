package dev.floe.gitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written linear scanner for credentials in URLs ({@code scheme://user:pass@host}) and in
 * connection strings ({@code jdbc:…;password=…}, {@code Server=…;Password=…}, {@code ?password=…}).
 */
final class UrlCredentials {

  /** Where a password sits in the text; {@code kind} is "url" or "param". */
  record Span(int start, int end, String kind) {}

  private UrlCredentials() {}

  static List<Span> find(String text) {
    List<Span> out = null;
    int from = 0;
    while (true) {
      int idx = text.indexOf("://", from);
      if (idx < 0) {
        break;
      }
      Span s = userinfoPassword(text, idx);
      if (s != null) {
        if (out == null) {
          out = new ArrayList<>(1);
        }
        out.add(s);
      }
      from = idx + 3;
    }
    if (text.indexOf('=') >= 0) {
      String lower = text.length() <= 1 << 20 ? text.toLowerCase(Locale.ROOT) : null;
      if (lower != null) {
        for (String key : new String[] {"password=", "pwd=", "passwd=", "pass=", "secret=", "token=", "apikey=", "api_key=", "access_token=", "sharedsecret="}) {
          int f = 0;
          while (true) {
            int k = lower.indexOf(key, f);
            if (k < 0) {
              break;
            }
            f = k + key.length();
            if (k > 0) {
              char before = text.charAt(k - 1);
              // a parameter of a URL or connection string, not the end of a longer key (db_password=)
              if (!(before == '?' || before == '&' || before == ';' || before == ' ' && k > 1 && text.charAt(k - 2) == ';')) {
                continue;
              }
              if (before == ' ' && !text.substring(0, k).contains(";")) {
                continue;
              }
            } else {
              continue; // a bare key=value line is a key-value pair, judged by key name elsewhere
            }
            int end = f;
            boolean braced = end < text.length() && text.charAt(end) == '{';
            while (end < text.length()) {
              char c = text.charAt(end);
              if (braced ? c == '}' : (c == '&' || c == ';' || c == '"' || c == '\'' || Character.isWhitespace(c) || c == '#')) {
                break;
              }
              end++;
            }
            if (braced && end < text.length()) {
              end++;
            }
            if (end > f) {
              if (out == null) {
                out = new ArrayList<>(1);
              }
              out.add(new Span(f, end, "param"));
            }
          }
        }
      }
    }
    return out == null ? List.of() : out;
  }

  static boolean hasPassword(String text, int schemeIdx) {
    return userinfoPassword(text, schemeIdx) != null;
  }

  /** The password span of the authority after {@code ://} at {@code idx}, if it has one. */
  private static Span userinfoPassword(String text, int idx) {
    int start = idx + 3;
    int end = start;
    int at = -1;
    int n = text.length();
    // the authority ends at the first '/', '?', '#' or whitespace; the userinfo ends at its last '@'
    while (end < n) {
      char c = text.charAt(end);
      if (c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>'
          || c == '`' || c == ',' && at < 0 && end - start > 256) {
        break;
      }
      if (c == '@') {
        at = end;
      }
      end++;
      if (end - start > 2048) {
        return null;
      }
    }
    if (at < 0) {
      return null;
    }
    int colon = text.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return null;
    }
    if (colon + 1 >= at) {
      return null; // user: with an empty password
    }
    return new Span(colon + 1, at, "url");
  }
}
