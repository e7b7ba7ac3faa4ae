package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Report links: whoever holds a link may read the page until it expires, nobody else. Anyone can
 * send any {@code expires} and {@code token} to {@code /reports/...}; the check answers a verdict,
 * never an exception, and a token the fuzzer makes up is never accepted. A link made for any
 * repository, commit and environment verifies as made, and any change to its path, expiry or
 * token is refused. Without JAZZER_FUZZ this replays {@code LinkSignerFuzzTestInputs/reportLinks/}.
 */
class LinkSignerFuzzTest {

  private static final Instant NOW = LinkSignerTest.NOW;
  private static final Duration TTL = Duration.ofDays(7);
  private static final String PUBLIC_URL = "https://floe.example.com";
  private static final String BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static LinkSigner at(Instant now) {
    return new LinkSigner(LinkSignerTest.KEY, Clock.fixed(now, ZoneOffset.UTC), TTL);
  }

  @FuzzTest(maxDuration = "30s")
  void reportLinks(FuzzedDataProvider data) {
    int tamperAt = data.consumeInt(0, 63);
    int replacement = data.consumeInt(0, 63);
    String repository = data.consumeString(80);
    String sha = data.consumeString(60);
    String environment = data.consumeString(40);
    String forgedExpires = data.consumeString(24);
    String forgedToken = data.consumeRemainingAsString();

    ReportLinks links = new ReportLinks(Optional.of(PUBLIC_URL + "/"), Optional.of(at(NOW)));
    String link = links.link(repository, sha, environment).orElseThrow();
    String path = ReportLinks.path(repository, sha, environment);
    assertThat(link).startsWith(PUBLIC_URL + path + "?expires=");
    // every segment is encoded: nothing in the path ends it early or changes its meaning
    assertThat(path).startsWith("/reports/").doesNotContain("?", "#", " ", "&");
    assertThat(path.chars().allMatch(c -> c > 0x20 && c < 0x7f)).as(path).isTrue();

    String expires = LinkSignerTest.param(link, "expires");
    String token = LinkSignerTest.param(link, "token");
    assertThat(at(NOW).verify(path, expires, token)).isEqualTo(LinkSigner.Verdict.VALID);
    assertThat(at(NOW.plus(TTL)).verify(path, expires, token)).isEqualTo(LinkSigner.Verdict.EXPIRED);
    assertThat(at(NOW).verify(path + "/x", expires, token)).isEqualTo(LinkSigner.Verdict.WRONG);
    assertThat(at(NOW).verify(path, expires + "0", token)).isEqualTo(LinkSigner.Verdict.WRONG);
    char[] altered = token.toCharArray();
    int i = tamperAt % altered.length;
    char swap = BASE64URL.charAt(replacement);
    altered[i] = swap == altered[i] ? BASE64URL.charAt((replacement + 1) % 64) : swap;
    assertThat(at(NOW).verify(path, expires, new String(altered))).isEqualTo(LinkSigner.Verdict.WRONG);

    // made-up parameters: a verdict, never an exception, and never accepted
    LinkSigner.Verdict forged = at(NOW).verify(path, forgedExpires, forgedToken);
    assertThat(forged).isNotNull();
    if (!forgedToken.equals(token)) {
      assertThat(forged).isIn(LinkSigner.Verdict.MISSING, LinkSigner.Verdict.WRONG);
    }
    assertThat(at(NOW).verify(path, forgedExpires, token)).isNotNull();
  }
}
