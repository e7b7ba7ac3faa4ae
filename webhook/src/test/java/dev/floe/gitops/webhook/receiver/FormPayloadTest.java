package dev.floe.gitops.webhook.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormPayloadTest {

  private static String field(String form) {
    return FormPayload.field(form.getBytes(StandardCharsets.US_ASCII), "payload")
        .map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
  }

  @Test
  void decodesOnlyThePayloadField() {
    assertThat(field("payload=%7B%22a%22%3A1%7D")).isEqualTo("{\"a\":1}");
    assertThat(field("x=1&payload=%7B%7D&y=2")).isEqualTo("{}");
    assertThat(field("payload=a+b")).isEqualTo("a b");
  }

  @Test
  void absentRepeatedOrBadlyEncodedIsEmpty() {
    assertThat(field("other=1")).isNull();
    assertThat(field("payload=1&payload=2")).isNull();
    assertThat(field("payload=%zz")).isNull();
    assertThat(field("")).isNull();
  }
}
