package dev.floe.gitops.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes values that are obviously base64 of text, so what they hide gets scanned too. */
final class Base64Text {

  private Base64Text() {}

  /**
   * The decoded text, or null when {@code v} is not base64, is longer than {@code maxChars}, or
   * decodes to something that is not mostly printable UTF-8 (hashes, binaries, random keys).
   */
  static String decode(String v, int maxChars, boolean force) {
    int n = v.length();
    if (n < (force ? 4 : 16) || n > maxChars) {
      return null;
    }
    boolean urlSafe = false;
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    int pad = 0;
    int ws = 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c == '=') {
        pad++;
        continue;
      }
      if (pad > 0 && !(c == '\n' || c == '\r')) {
        return null; // padding only at the end
      }
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '-' || c == '_') {
        urlSafe = true;
      } else if (c == '\n' || c == '\r') {
        ws++;
      } else if (c != '+' && c != '/') {
        return null;
      }
    }
    if (pad > 2 || !force && !(lower && upper && (digit || pad > 0 || n >= 24))) {
      return null;
    }
    String compact = ws > 0 ? v.replace("\n", "").replace("\r", "") : v;
    if (!urlSafe && compact.length() % 4 != 0) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = urlSafe ? Base64.getUrlDecoder().decode(compact.replace("=", "")) : Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length < 3) {
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    int printable = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != 0x7f || c == '\n' || c == '\r' || c == '\t') {
        printable++;
      }
    }
    return printable >= text.length() * 0.95 ? text : null;
  }
}
