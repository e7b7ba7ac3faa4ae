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
    int n = value.length();
    if (n < 8 || n > maxChars) {
      return null;
    }
    String t = value.strip();
    if (t.isEmpty() || t.startsWith("-----BEGIN ")) {
      return null;
    }
    String key = keyName == null ? "" : keyName.toLowerCase(Locale.ROOT);
    boolean multiLine = t.indexOf('\n') >= 0;
    char first = t.charAt(0);
    if (isKeyValueFile(key) || first == '[' && looksLikeIniSection(t)) {
      Map<String, Object> kv = KeyValueLines.parse(t);
      return hasValues(kv) ? kv : null;
    }
    if (first == '{' || first == '[') {
      Object tree = yaml(t);
      if (tree != null) {
        return tree;
      }
    }
    boolean yamlFile = key.endsWith(".yaml") || key.endsWith(".yml") || key.endsWith(".json") || key.contains("kubeconfig");
    if (multiLine || yamlFile) {
      if (yamlFile || t.contains(": ") || t.contains(":\n")) {
        Object tree = yaml(t);
        if (tree != null) {
          return tree;
        }
      }
      if (multiLine) {
        Map<String, Object> kv = KeyValueLines.parse(t);
        return hasValues(kv) ? kv : null;
      }
    }
    return null;
  }

  private static Object yaml(String t) {
    try {
      List<YamlTrees.Doc> docs = YamlTrees.parseAll(t, false);
      if (docs.size() == 1) {
        Object tree = docs.get(0).tree();
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
        || key.equals("my.cnf") || key.endsWith(".s3cfg") || key.endsWith("boto") || key.endsWith(".pgpass");
  }

  private static boolean looksLikeIniSection(String t) {
    int nl = t.indexOf('\n');
    String firstLine = (nl < 0 ? t : t.substring(0, nl)).strip();
    return firstLine.endsWith("]") && !firstLine.contains(",") && !firstLine.contains("\"") && nl > 0;
  }
}
