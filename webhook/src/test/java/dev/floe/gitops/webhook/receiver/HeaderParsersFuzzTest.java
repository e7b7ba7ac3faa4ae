package dev.floe.gitops.webhook.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.floe.gitops.runtime.secrets.SecretValue;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two headers every delivery's caller controls before anything is verified: the signature (or
 * GitLab's token) and {@code traceparent}. Without JAZZER_FUZZ this replays
 * {@code HeaderParsersFuzzTestInputs/<method>/}.
 */
class HeaderParsersFuzzTest {

  private static final String SECRET = "fuzz-secret";
  private static final String[] SIGNATURE_HEADERS = {GitHubAdapter.SIGNATURE, GitHubAdapter.LEGACY_SIGNATURE,
      GiteaAdapter.SIGNATURE, GiteaAdapter.FORGEJO_SIGNATURE, BitbucketAdapter.SIGNATURE, GitLabAdapter.TOKEN};
  private static final Pattern OURS = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final Pattern VALID_W3C = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})");

  /**
   * Any header value: the parse is Absent, Unsupported or Present, never an exception; an Unsupported
   * reason is the same whatever the value (it never repeats what was presented); verifying a Present
   * value never throws and succeeds only for the real HMAC (or token). The real signature, in either
   * case of hex and prefix, always verifies.
   */
  @FuzzTest(maxDuration = "30s")
  void signatureHeaders(FuzzedDataProvider data) {
    ProviderAdapter adapter = data.pickValue(new ProviderAdapter[] {
        new GitHubAdapter(), new GitLabAdapter(), new GiteaAdapter(), new BitbucketAdapter()});
    int form = data.consumeInt(0, 3);
    boolean genuine = data.consumeBoolean();
    String fuzzed = headerValue(data.consumeBytes(200));
    byte[] body = data.consumeRemainingAsBytes();
    String hex = ReceiverHarness.hmacHex(SECRET, body);
    boolean hmac = !(adapter instanceof GitLabAdapter);
    String real = hmac ? hex : SECRET;
    String value = !genuine ? fuzzed : switch (form) {
      case 0 -> "sha256=" + real;
      case 1 -> "SHA256=" + real.toUpperCase(Locale.ROOT);
      case 2 -> "sha256=" + real.toUpperCase(Locale.ROOT);
      default -> adapter instanceof GiteaAdapter || !hmac ? real : "sha256=" + real;
    };
    if (!hmac && genuine) value = real;

    WebhookRequest request = request(value, body);
    SignatureHeader header = adapter.signature(request);
    assertThat(header).isNotNull();
    if (header instanceof SignatureHeader.Absent absent) {
      assertThat(absent.expectedHeader()).isNotBlank();
    } else if (header instanceof SignatureHeader.Unsupported unsupported) {
      // the same headers present or blank, with a value that says nothing
      SignatureHeader reference = adapter.signature(request(value.isBlank() ? value : "sha1=0", body));
      assertThat(reference).isInstanceOf(SignatureHeader.Unsupported.class);
      assertThat(unsupported.reason()).isEqualTo(((SignatureHeader.Unsupported) reference).reason());
    } else {
      SignatureHeader.Present present = (SignatureHeader.Present) header;
      boolean verified = adapter.verify(request, present, SecretValue.of(SECRET));
      if (verified) {
        assertThat(hmac ? present.value().toLowerCase(Locale.ROOT) : present.value()).isEqualTo(real);
      }
      assertThat(adapter.verify(request, present, SecretValue.of("other-" + SECRET))).isFalse();
      assertThat(adapter.verify(request, present, SecretValue.of(""))).isFalse();
    }
    if (genuine) {
      assertThat(header).isInstanceOf(SignatureHeader.Present.class);
      assertThat(adapter.verify(request, (SignatureHeader.Present) header, SecretValue.of(SECRET))).isTrue();
    }
  }

  /**
   * Any {@code traceparent}: the result is always a well-formed version-00 context with non-zero ids;
   * a valid incoming trace keeps its trace id and flags and gets a new span.
   */
  @FuzzTest(maxDuration = "30s")
  void traceparent(byte[] raw) {
    // a header value as an HTTP/1.1 parser hands it over (ISO-8859-1); no bytes stands for no header
    String incoming = raw.length == 0 ? null : new String(raw, StandardCharsets.ISO_8859_1);
    String ours = Traceparent.continueOrStart(incoming);
    assertThat(ours).matches(OURS);
    assertThat(ours.substring(3, 35)).isNotEqualTo("0".repeat(32));
    assertThat(ours.substring(36, 52)).isNotEqualTo("0".repeat(16));
    if (incoming == null) {
      return;
    }
    var m = VALID_W3C.matcher(incoming.trim());
    if (m.matches() && !incoming.trim().startsWith("ff") && !m.group(1).equals("0".repeat(32))
        && !incoming.trim().substring(36, 52).equals("0".repeat(16))) {
      assertThat(ours).startsWith("00-" + m.group(1) + "-").endsWith("-" + m.group(2));
    }
  }

  private static WebhookRequest request(String value, byte[] body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    for (String name : SIGNATURE_HEADERS) {
      headers.set(name, value);
    }
    return new WebhookRequest(headers, body, "application/json");
  }

  /** What an HTTP/1.1 parser can hand over: ISO-8859-1, no control characters but tab. */
  private static String headerValue(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (char c : new String(bytes, StandardCharsets.ISO_8859_1).toCharArray()) {
      if (c == '\t' || (c >= 0x20 && c != 0x7f)) sb.append(c);
    }
    return sb.toString();
  }
}
