package dev.floe.gitops.webhook.status;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring report links: {@code token = base64url(HMAC-SHA256(key, path + "\n" + expiry))}, expiry in epoch
 * seconds. Only whoever got the link from a status can read the page, and only until it expires
 * ({@code reports.linkTtl}). Comparison is constant-time.
 */
public final class LinkSigner {

  /** Why a link is refused; all of them are answered 403 alike. */
  public enum Verdict {
    VALID,
    MISSING,
    WRONG,
    EXPIRED
  }

  private final byte[] key;
  private final Clock clock;
  private final Duration ttl;

  public LinkSigner(byte[] key, Clock clock, Duration ttl) {
    if (key.length < 16) {
      throw new IllegalArgumentException("the report signing key needs at least 16 bytes");
    }
    this.key = key.clone();
    this.clock = clock;
    this.ttl = ttl;
  }

  /** {@code path?expires=…&token=…}. */
  public String sign(String path) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    return path + "?expires=" + expires + "&token=" + token(path, expires);
  }

  public Verdict verify(String path, String expires, String token) {
    if (expires == null || token == null || expires.isEmpty() || token.isEmpty()) {
      return Verdict.MISSING;
    }
    long at;
    try {
      at = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      return Verdict.WRONG;
    }
    boolean matches = MessageDigest.isEqual(token(path, at).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.US_ASCII));
    if (!matches) {
      return Verdict.WRONG;
    }
    return clock.instant().getEpochSecond() >= at ? Verdict.EXPIRED : Verdict.VALID;
  }

  private String token(String path, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig = mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
