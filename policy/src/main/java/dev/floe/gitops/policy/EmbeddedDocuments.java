package dev.floe.gitops.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises documents carried inside string values (a ConfigMap's {@code application.properties},
 * an annotation holding JSON, a kubeconfig, a docker config, an {@code .npmrc}) and parses them into
 * trees for the walker. Sniffing is by the key's file name first and the content second.
 */
final class EmbeddedDocuments {

  private EmbeddedDocuments() {}

  /** A parsed tree (Map or List), or null when the value is not a document worth walking. */
  static Object parse(String value, String keyName, int maxChars) {
    return parse(value, keyName, maxChars, null);
  }

  /**
   * @param linesOut when not null, receives the 1-based line (within {@code value}) of each path of
   *     the parsed document, relative to the document's root
   */
  static Object parse(String value, String keyName, int maxChars, Map<String, Integer> linesOut) {
    int n = value.length();
    if (n < 8 || n > maxChars) {
      return null;
    }
    String t = value.strip();
    if (t.isEmpty() || t.startsWith("-----BEGIN ")) {
      return null;
    }
    Map<String, Integer> rel = linesOut == null ? null : new java.util.HashMap<>();
    String key = keyName == null ? "" : keyName.toLowerCase(Locale.ROOT);
    boolean multiLine = t.indexOf('\n') >= 0;
    char first = t.charAt(0);
    if (isKeyValueFile(key) || first == '[' && looksLikeIniSection(t)) {
      Map<String, Object> kv = KeyValueLines.parse(t, rel);
      return publish(hasValues(kv) ? kv : null, value, rel, linesOut);
    }
    if (first == '{' || first == '[') {
      Object tree = yaml(t, rel);
      if (tree != null) {
        return publish(tree, value, rel, linesOut);
      }
    }
    boolean yamlFile = key.endsWith(".yaml") || key.endsWith(".yml") || key.endsWith(".json") || key.contains("kubeconfig");
    if (multiLine || yamlFile) {
      if (yamlFile || t.contains(": ") || t.contains(":\n")) {
        Object tree = yaml(t, rel);
        if (tree != null) {
          return publish(tree, value, rel, linesOut);
        }
      }
      if (multiLine) {
        if (rel != null) {
          rel.clear(); // a failed YAML attempt may have left lines behind
        }
        Map<String, Object> kv = KeyValueLines.parse(t, rel);
        return publish(hasValues(kv) ? kv : null, value, rel, linesOut);
      }
    }
    return null;
  }

  /** Copies relative lines out, shifted by the blank lines {@code strip()} removed from the front. */
  private static Object publish(Object tree, String value, Map<String, Integer> rel, Map<String, Integer> out) {
    if (tree != null && rel != null && out != null) {
      int shift = 0;
      for (int i = 0; i < value.length() && Character.isWhitespace(value.charAt(i)); i++) {
        if (value.charAt(i) == '\n') {
          shift++;
        }
      }
      for (Map.Entry<String, Integer> e : rel.entrySet()) {
        out.put(e.getKey(), e.getValue() + shift);
      }
    }
    return tree;
  }

  private static Object yaml(String t, Map<String, Integer> rel) {
    try {
      List<YamlTrees.Doc> docs = YamlTrees.parseAll(t, rel != null);
      if (docs.size() == 1) {
        Object tree = docs.get(0).tree();
        if (rel != null) {
          rel.putAll(docs.get(0).lines());
        }
        return tree instanceof Map || tree instanceof List ? tree : null;
      }
      if (docs.size() > 1) {
        // a multi-document stream: walk it as a list of documents
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < docs.size(); i++) {
          m.put("---" + i, docs.get(i).tree());
        }
        return m;
      }
      return null;
    } catch (YamlTrees.NotParsable e) {
      return null;
    }
  }

  /** A parse that found no key with a value is not a document (a script, a certificate, prose). */
  private static boolean hasValues(Map<String, Object> kv) {
    for (Object v : kv.values()) {
      if (v instanceof String s ? !s.isEmpty() : v instanceof Map<?, ?> m && !m.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  static boolean isKeyValueFile(String key) {
    return key.endsWith(".properties") || key.endsWith(".env") || key.equals(".env") || key.startsWith(".env.")
        || key.endsWith(".ini") || key.endsWith(".cfg") || key.endsWith(".conf") || key.endsWith("npmrc")
        || key.endsWith("yarnrc") || key.endsWith(".pypirc") || key.equals("credentials") || key.endsWith("/credentials")
        || key.endsWith(".credentials") || key.endsWith("gradle.properties") || key.equals("env") || key.endsWith(".envrc")
        || key.endsWith(".netrc") || key.equals("netrc") || key.endsWith(".toml") || key.endsWith(".cnf")
        || key.equals("my.cnf") || key.endsWith(".s3cfg") || key.endsWith("boto") || key.endsWith(".pgpass") || key.endsWith(".tfvars")
        || key.endsWith(".tf") || key.endsWith(".hcl");
  }

  private static boolean looksLikeIniSection(String t) {
    int nl = t.indexOf('\n');
    String firstLine = (nl < 0 ? t : t.substring(0, nl)).strip();
    return firstLine.endsWith("]") && !firstLine.contains(",") && !firstLine.contains("\"") && nl > 0;
  }
}
