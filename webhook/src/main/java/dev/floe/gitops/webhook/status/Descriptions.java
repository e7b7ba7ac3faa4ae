package dev.floe.gitops.webhook.status;

/** Status descriptions cut to a provider's limit (GitHub refuses more than 140 characters with 422). */
public final class Descriptions {

  private Descriptions() {}

  /** The text, or its first {@code limit - 1} code points and an ellipsis; never splits a surrogate pair. */
  public static String fit(String text, int limit) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.codePointCount(0, oneLine.length()) <= limit) {
      return oneLine;
    }
    int end = oneLine.offsetByCodePoints(0, limit - 1);
    return oneLine.substring(0, end) + "\u2026";
  }
}
