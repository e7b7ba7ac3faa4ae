package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.secrets.SecretValue;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over the raw body, compared in constant time with the hex the host presented. */
final class Signatures {

  private Signatures() {}

  /** True when {@code presentedHex} is the HMAC-SHA256 of {@code body} under {@code secret}. */
  static boolean hmacSha256Matches(SecretValue secret, byte[] body, String presentedHex) {
    byte[] presented = decodeHex(presentedHex);
    if (presented == null || presented.length != 32) {
      return false; // truncated, padded or not hex: the length says nothing about the secret
    }
    byte[] key = secret.bytes();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // An empty key is refused by SecretKeySpec; no empty secret verifies anything.
      if (key.length == 0) {
        return false;
      }
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return MessageDigest.isEqual(mac.doFinal(body), presented);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  /** Constant-time comparison of a shared token (GitLab). */
  static boolean tokenMatches(SecretValue secret, String presented) {
    return !secret.isEmpty() && secret.matches(presented);
  }

  /** Hex (either case) to bytes, or null when it is not an even-length hex string. */
  static byte[] decodeHex(String hex) {
    if (hex == null || hex.length() % 2 != 0 || hex.length() > 256) {
      return null;
    }
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(2 * i), 16);
      int lo = Character.digit(hex.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }
}
