package dev.floe.gitops.webhook.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceparentTest {

  private static final String FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

  @Test
  void aValidIncomingTraceIsContinuedWithANewSpan() {
    String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    String ours = Traceparent.continueOrStart(incoming);
    assertThat(ours).matches(FORMAT).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
        .isNotEqualTo(incoming);
  }

  @Test
  void anInvalidOrAbsentOneStartsANewTrace() {
    for (String bad : new String[] {null, "", "garbage", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
      String ours = Traceparent.continueOrStart(bad);
      assertThat(ours).matches(FORMAT).endsWith("-01");
      assertThat(ours).doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }
  }
}
