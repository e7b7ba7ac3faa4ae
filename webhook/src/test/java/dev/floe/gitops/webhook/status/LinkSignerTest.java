package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

  static final byte[] KEY = "a-signing-key-of-32-bytes-length".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");
  static final String PATH = "/reports/acme/sales/0123456789abcdef0123456789abcdef01234567/dev";

  static LinkSigner at(Instant now) {
    return new LinkSigner(KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(7));
  }

  static String param(String link, String name) {
    for (String kv : link.substring(link.indexOf('?') + 1).split("&")) {
      if (kv.startsWith(name + "=")) {
        return kv.substring(name.length() + 1);
      }
    }
    return null;
  }

  @Test
  void aSignedLinkIsValidUntilItExpires() {
    String link = at(NOW).sign(PATH);

    assertThat(link).startsWith(PATH + "?expires=");
    assertThat(at(NOW.plus(Duration.ofDays(6))).verify(PATH, param(link, "expires"), param(link, "token")))
        .isEqualTo(LinkSigner.Verdict.VALID);
    assertThat(at(NOW.plus(Duration.ofDays(7))).verify(PATH, param(link, "expires"), param(link, "token")))
        .isEqualTo(LinkSigner.Verdict.EXPIRED);
  }

  @Test
  void aTamperedPathExpiryOrTokenIsRefused() {
    String link = at(NOW).sign(PATH);
    String expires = param(link, "expires");
    String token = param(link, "token");
    LinkSigner signer = at(NOW);

    assertThat(signer.verify(PATH.replace("/dev", "/prod"), expires, token)).isEqualTo(LinkSigner.Verdict.WRONG);
    assertThat(signer.verify(PATH, Long.toString(Long.parseLong(expires) + 86400), token))
        .isEqualTo(LinkSigner.Verdict.WRONG);
    assertThat(signer.verify(PATH, expires, token.substring(1) + "A")).isEqualTo(LinkSigner.Verdict.WRONG);
    assertThat(signer.verify(PATH, null, token)).isEqualTo(LinkSigner.Verdict.MISSING);
    assertThat(signer.verify(PATH, expires, "")).isEqualTo(LinkSigner.Verdict.MISSING);
    assertThat(new LinkSigner("another-key-of-enough-length!!".getBytes(StandardCharsets.UTF_8),
        Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7)).verify(PATH, expires, token))
        .isEqualTo(LinkSigner.Verdict.WRONG);
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new LinkSigner(new byte[8], Clock.systemUTC(), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
