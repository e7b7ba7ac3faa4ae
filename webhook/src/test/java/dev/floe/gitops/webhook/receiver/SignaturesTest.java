package dev.floe.gitops.webhook.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.runtime.secrets.SecretValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  // GitHub's documented example: secret "It's a Secret to Everybody", body "Hello, World!".
  private static final String GITHUB_EXAMPLE =
      "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  @Test
  void matchesGitHubsDocumentedExampleInEitherCase() {
    SecretValue secret = SecretValue.of("It's a Secret to Everybody");
    assertThat(Signatures.hmacSha256Matches(secret, BODY, GITHUB_EXAMPLE)).isTrue();
    assertThat(Signatures.hmacSha256Matches(secret, BODY, GITHUB_EXAMPLE.toUpperCase())).isTrue();
  }

  @Test
  void wrongTruncatedPaddedAndNonHexSignaturesFail() {
    SecretValue secret = SecretValue.of("It's a Secret to Everybody");
    assertThat(Signatures.hmacSha256Matches(SecretValue.of("other"), BODY, GITHUB_EXAMPLE)).isFalse();
    assertThat(Signatures.hmacSha256Matches(secret, BODY, GITHUB_EXAMPLE.substring(0, 62))).isFalse();
    assertThat(Signatures.hmacSha256Matches(secret, BODY, GITHUB_EXAMPLE + "00")).isFalse();
    assertThat(Signatures.hmacSha256Matches(secret, BODY, GITHUB_EXAMPLE.replace('7', 'z'))).isFalse();
    assertThat(Signatures.hmacSha256Matches(secret, BODY, "")).isFalse();
    assertThat(Signatures.hmacSha256Matches(SecretValue.of(""), BODY, GITHUB_EXAMPLE)).isFalse();
  }

  @Test
  void tokensCompareWholeAndNeverMatchAnEmptySecret() {
    assertThat(Signatures.tokenMatches(SecretValue.of("token"), "token")).isTrue();
    assertThat(Signatures.tokenMatches(SecretValue.of("token"), "toke")).isFalse();
    assertThat(Signatures.tokenMatches(SecretValue.of(""), "")).isFalse();
  }
}
