package dev.floe.gitops.policy;

/**
 * A JSON path built lazily: the walker extends it for every node, but it becomes text only when a
 * finding, an allowlist or a line lookup needs it. Keys that are not plain identifiers use bracket
 * notation: {@code metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]}.
 */
final class JsonPath {

  static final JsonPath ROOT = new JsonPath(null, null, -1);

  private final JsonPath parent;
  private final String key;
  private final int index;
  private String text;

  private JsonPath(JsonPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  JsonPath key(String k) {
    return new JsonPath(this, k, -1);
  }

  JsonPath index(int i) {
    return new JsonPath(this, null, i);
  }

  JsonPath parent() {
    return parent;
  }

  /** The last key on the way from the root, skipping list indices: the context of a list's items. */
  String lastKey() {
    for (JsonPath p = this; p != null; p = p.parent) {
      if (p.key != null) {
        return p.key;
      }
    }
    return "";
  }

  boolean isRoot() {
    return parent == null;
  }

  @Override
  public String toString() {
    if (text == null) {
      text = render();
    }
    return text;
  }

  private String render() {
    if (parent == null) {
      return "";
    }
    String base = parent.toString();
    if (key == null) {
      return base + "[" + index + "]";
    }
    if (isIdentifier(key)) {
      return base.isEmpty() ? key : base + "." + key;
    }
    return base + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  static boolean isIdentifier(String k) {
    if (k.isEmpty() || !(Character.isLetter(k.charAt(0)) || k.charAt(0) == '_' || k.charAt(0) == '$')) {
      return false;
    }
    for (int i = 1; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
        return false;
      }
    }
    return true;
  }
}
