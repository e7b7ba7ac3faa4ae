package dev.floe.gitops.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds secret-bearing pieces of command lines: {@code --password=…}, {@code --token …},
 * {@code curl -u user:pass}, {@code -H "Authorization: Bearer …"} and {@code DB_PASSWORD=… cmd}.
 * Works on container {@code args}/{@code command} lists and on shell text alike.
 */
final class CommandLine {

  enum Kind {
    FLAG,
    USER_PASSWORD,
    HEADER,
    ASSIGNMENT
  }

  /** A value to judge, the key that names it, and the index of the list element it came from. */
  record Candidate(Kind kind, String key, String value, int element) {
    @Override
    public String toString() {
      return kind + " " + key + " (element " + element + ")";
    }
  }

  private static final java.util.Set<String> TOOLS = java.util.Set.of(
      "mysql", "mysqldump", "mysqladmin", "mariadb", "mariadb-dump", "redis-cli", "docker", "podman", "buildah", "skopeo", "helm", "oras", "sshpass");
  private static final java.util.Set<String> LOGIN_TOOLS = java.util.Set.of("docker", "podman", "buildah", "skopeo", "helm", "oras", "sshpass");

  private CommandLine() {}

  /** With {@code shellText}, splits each element like a shell would (quotes kept together) and remembers the element of each word. */
  static List<Candidate> scan(List<String> elements, int maxWords, boolean shellText) {
    List<String> words = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int e = 0; e < elements.size(); e++) {
      String el = elements.get(e);
      if (el == null) {
        continue;
      }
      if (shellText) {
        split(el, words, owner, e, maxWords);
      } else {
        // a container args/command list is already split: each element is one argument
        words.add(el);
        owner.add(e);
      }
      if (words.size() >= maxWords) {
        break;
      }
    }
    return candidates(words, owner);
  }

  static boolean worthScanning(String s) {
    return s.indexOf('-') >= 0 || s.indexOf('=') >= 0;
  }

  private static List<Candidate> candidates(List<String> words, List<Integer> owner) {
    List<Candidate> out = new ArrayList<>(0);
    int n = words.size();
    String tool = "";
    boolean login = false;
    for (int i = 0; i < n; i++) {
      String w = words.get(i);
      if (w.length() < 2) {
        continue;
      }
      if (w.charAt(0) != '-') {
        int slash = w.lastIndexOf('/');
        String base = slash >= 0 ? w.substring(slash + 1) : w;
        if (TOOLS.contains(base)) {
          tool = base;
          login = tool.equals("sshpass");
        } else if (w.equals("login")) {
          login = true; // docker run -p 8080:80 publishes a port; docker login -p passes a password
        }
      }
      // Short password flags of common clients: mysql -pSECRET, redis-cli -a SECRET, docker login -p SECRET.
      if (!tool.isEmpty() && w.length() >= 2 && w.charAt(0) == '-' && w.charAt(1) != '-') {
        String flag = w.substring(1, 2);
        boolean attached = w.length() > 2;
        if (flag.equals("p") && tool.startsWith("my") || flag.equals("p") && tool.startsWith("maria")) {
          if (attached) {
            out.add(new Candidate(Kind.USER_PASSWORD, "p", w.substring(2), owner.get(i)));
          }
          continue;
        }
        if (!attached && i + 1 < n && (flag.equals("a") && tool.equals("redis-cli") || flag.equals("p") && login && LOGIN_TOOLS.contains(tool))) {
          out.add(new Candidate(Kind.USER_PASSWORD, flag, words.get(i + 1), owner.get(i + 1)));
          continue;
        }
      }
      if (w.charAt(0) == '-') {
        int dashes = w.startsWith("--") ? 2 : 1;
        String body = w.substring(dashes);
        int eq = body.indexOf('=');
        String name = eq >= 0 ? body.substring(0, eq) : body;
        String value = eq >= 0 ? body.substring(eq + 1) : null;
        boolean next = value == null && i + 1 < n && !words.get(i + 1).startsWith("-");
        if (value == null && next) {
          value = words.get(i + 1);
        }
        int el = eq >= 0 || !next ? owner.get(i) : owner.get(i + 1);
        if (value == null) {
          continue;
        }
        if ((name.equals("u") || name.equals("user")) && value.indexOf(':') > 0) {
          int c = value.indexOf(':');
          out.add(new Candidate(Kind.USER_PASSWORD, name, value.substring(c + 1), el));
        } else if (name.equals("H") || name.equals("header")) {
          int c = value.indexOf(':');
          if (c > 0) {
            out.add(new Candidate(Kind.HEADER, value.substring(0, c).strip(), value.substring(c + 1).strip(), el));
          }
        } else if (dashes == 2 || name.length() > 1) {
          out.add(new Candidate(Kind.FLAG, name, value, el));
        }
      } else {
        int eq = w.indexOf('=');
        if (eq > 0 && isIdentifier(w, eq)) {
          out.add(new Candidate(Kind.ASSIGNMENT, w.substring(0, eq), w.substring(eq + 1), owner.get(i)));
        }
      }
    }
    return out;
  }

  private static boolean isIdentifier(String w, int end) {
    for (int i = 0; i < end; i++) {
      char c = w.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
        return false;
      }
    }
    return Character.isLetter(w.charAt(0)) || w.charAt(0) == '_';
  }

  private static void split(String s, List<String> words, List<Integer> owner, int element, int maxWords) {
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
        if (inWord) {
          words.add(cur.toString());
          owner.add(element);
          cur.setLength(0);
          inWord = false;
          if (words.size() >= maxWords) {
            return;
          }
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
      owner.add(element);
    }
  }
}
