package dev.floe.gitops.policy;

/**
 * The only place that turns a secret into text. It reveals a token format's public prefix (which
 * says what to revoke) and the length, never a character of the secret itself.
 */
final class Masker {

  private Masker() {}

  static String mask(String publicPrefix, int length) {
    return (publicPrefix == null ? "" : publicPrefix) + "*** (" + length + " chars)";
  }

  static String mask(int length) {
    return mask("", length);
  }
}
