package dev.floe.gitops.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventRecordCodecTest {

  private final EventRecordCodec codec = new EventRecordCodec();

  @Test
  void aPushSurvivesEncodeAndDecode() throws DecodeException {
    EventRecord push = EventRecords.push("sales-analytics", "d-1");
    assertThat(codec.decode(codec.encode(push))).isEqualTo(push);
  }

  @Test
  void aForkPullRequestSurvivesEncodeAndDecode() throws DecodeException {
    EventRecord pr = EventRecords.pullRequest();
    assertThat(codec.decode(codec.encode(pr))).isEqualTo(pr);
  }

  @Test
  void encodingLeavesOutTheOtherKindsFields() {
    String json = new String(codec.encode(EventRecords.push("r", "d")), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"schemaVersion\":1,\"provider\":\"github\"")
        .doesNotContain("headSha").doesNotContain("prNumber").doesNotContain("null");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing deliveryId        | {"schemaVersion":1,"provider":"github","repository":"r","cloneUrl":"u","kind":"push","ref":"refs/heads/main","before":"%1$s","after":"%1$s","receivedAt":"2026-11-29T04:40:26Z"} | deliveryId | is required
      provider spelled wrong    | {"schemaVersion":1,"provider":"GitHub","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"push","ref":"refs/heads/main","before":"%1$s","after":"%1$s","receivedAt":"2026-11-29T04:40:26Z"} | provider | must be one of
      short after               | {"schemaVersion":1,"provider":"github","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"push","ref":"refs/heads/main","before":"%1$s","after":"abc","receivedAt":"2026-11-29T04:40:26Z"} | after | hex commit id
      prNumber as string        | {"schemaVersion":1,"provider":"gitea","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"pull_request","ref":"f","headSha":"%1$s","baseRef":"main","prNumber":"7","receivedAt":"2026-11-29T04:40:26Z"} | prNumber | must be a 32-bit integer
      push with a PR field      | {"schemaVersion":1,"provider":"github","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"push","ref":"refs/heads/main","before":"%1$s","after":"%1$s","baseRef":"main","receivedAt":"2026-11-29T04:40:26Z"} | baseRef | must be absent for kind push
      local time                | {"schemaVersion":1,"provider":"github","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"push","ref":"refs/heads/main","before":"%1$s","after":"%1$s","receivedAt":"2026-11-29T05:40:26+01:00"} | receivedAt | ISO-8601 instant in UTC
      unknown field in v1       | {"schemaVersion":1,"provider":"github","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"push","ref":"refs/heads/main","before":"%1$s","after":"%1$s","receivedAt":"2026-11-29T04:40:26Z","colour":"red"} | colour | unknown field
      schemaVersion zero        | {"schemaVersion":0} | schemaVersion | must be >= 1
      head of six hex           | {"schemaVersion":1,"provider":"bitbucket","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"pull_request","ref":"f","headSha":"abcdef","baseRef":"main","prNumber":7,"receivedAt":"2026-11-29T04:40:26Z"} | headSha | abbreviated to at least 7
      bad traceparent           | {"schemaVersion":1,"provider":"github","deliveryId":"d","repository":"r","cloneUrl":"u","kind":"push","ref":"refs/heads/main","before":"%1$s","after":"%1$s","receivedAt":"2026-11-29T04:40:26Z","traceparent":"x"} | traceparent | W3C traceparent
      """)
  void aBrokenRecordIsRejectedNamingTheField(String name, String json, String field, String problem) {
    byte[] bytes = String.format(json, "c".repeat(40)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("'" + field + "'")
        .hasMessageContaining(problem)
        .extracting(e -> ((DecodeException) e).field()).isEqualTo(field);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      ''
      '[1,2]'
      '{"schemaVersion":1'
      '{"schemaVersion":1,"schemaVersion":1}'
      '{"schemaVersion":1} {}'
      '"secret-value"'
      """)
  void aDocumentThatIsNoObjectIsRejectedWithoutEchoingIt(String text) {
    byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decode(bytes))
        .isInstanceOf(DecodeException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-value"));
  }

  @Test
  void anAbbreviatedPullRequestHeadSurvivesEncodeAndDecode() throws DecodeException {
    EventRecord pr = EventRecord.pullRequest(Provider.BITBUCKET, "d", "acme/billing",
        "https://bitbucket.org/acme/billing.git", "feature", "1e65c05c1d51", "main", 12, null,
        java.time.Instant.parse("2026-11-29T04:40:26Z"), null);
    EventRecord decoded = codec.decode(codec.encode(pr));
    assertThat(decoded).isEqualTo(pr);
    assertThat(decoded.headShaAbbreviated()).isTrue();
  }

  @Test
  void aNewerSchemaVersionMayCarryFieldsThisVersionDoesNotKnow() throws DecodeException {
    String json = new String(codec.encode(EventRecords.push("r", "d")), StandardCharsets.UTF_8)
        .replace("\"schemaVersion\":1", "\"schemaVersion\":2,\"priority\":\"high\"");
    EventRecord decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));
    assertThat(decoded.schemaVersion()).isEqualTo(2);
    assertThat(decoded.repository()).isEqualTo("r");
  }
}
