package dev.floe.gitops.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One parser for the line-based key-value formats: Java properties, {@code .env} (with
 * {@code export}), INI with sections (AWS credentials), {@code .npmrc}
 * ({@code //registry/:_authToken=…}) and {@code .netrc} ({@code machine h login u password p}).
 * Sections become nested maps so paths read {@code ["default"].aws_secret_access_key}.
 */
final class KeyValueLines {

  private static final int MAX_LINES = 100_000;

  private KeyValueLines() {}

  static Map<String, Object> parse(String text) {
    return parse(text, null);
  }

  /** @param linesOut when not null, receives the 1-based line of each entry's path */
  static Map<String, Object> parse(String text, Map<String, Integer> linesOut) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> section = root;
    JsonPath sectionPath = JsonPath.ROOT;
    int lines = 0;
    int start = 0;
    int n = text.length();
    while (start <= n && lines++ < MAX_LINES) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      String line = text.substring(start, end).strip();
      start = end + 1;
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';' || line.charAt(0) == '!') {
        if (end == n) {
          break;
        }
        continue;
      }
      if (line.charAt(0) == '[' && line.endsWith("]")) {
        Map<String, Object> s = new LinkedHashMap<>();
        String name = line.substring(1, line.length() - 1).strip();
        root.put(name, s);
        section = s;
        sectionPath = JsonPath.ROOT.key(name);
      } else if (line.startsWith("machine ") || line.startsWith("default ")) {
        netrc(line, root);
      } else {
        if (line.startsWith("export ")) {
          line = line.substring(7).strip();
        }
        int eq = separator(line);
        if (eq > 0) {
          String k = line.substring(0, eq).strip();
          String v = line.substring(eq + 1).strip();
          if (v.endsWith(",") || v.endsWith(";")) {
            v = v.substring(0, v.length() - 1).strip(); // code: password: process.env.X,
          }
          v = Classifier.stripQuotes(v);
          String stored = put(section, k, v);
          if (linesOut != null) {
            linesOut.putIfAbsent(sectionPath.key(stored).toString(), lines);
          }
        }
      }
      if (end == n) {
        break;
      }
    }
    return root;
  }

  /** The first '=' or ':' (properties allow both); '=' wins when both appear, since URLs carry ':'. */
  private static int separator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq > 0 && (colon < 0 || eq < colon || line.startsWith("//"))) {
      return eq;
    }
    if (colon > 0 && (eq < 0 || colon < eq) && colon + 1 < line.length() && line.charAt(colon + 1) == ' ') {
      return colon;
    }
    return eq;
  }

  private static void netrc(String line, Map<String, Object> root) {
    String[] w = line.split("\\s+");
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < w.length; i += 2) {
      m.put(w[i], w[i + 1]);
    }
    put(root, "machine " + m.getOrDefault("machine", "default"), m);
  }

  /** Repeated keys are kept (both values are in the file) under {@code key#n}; linear even for hostile input. */
  private static String put(Map<String, Object> m, String k, Object v) {
    if (!m.containsKey(k)) {
      m.put(k, v);
      return k;
    }
    String key = k + "#" + m.size();
    while (m.containsKey(key)) {
      key = key + "#";
    }
    m.put(key, v);
    return key;
  }
}
