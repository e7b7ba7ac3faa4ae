package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateCheckerTest {

  static final GateChecker.Gates GATES = new GateChecker.Gates(List.of("ci/image"), Duration.ofMinutes(30));
  static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");

  @Test
  void pendingWaitsSuccessOpensFailureBlocks() {
    assertThat(GateChecker.check(GATES, Map.of("ci/image", "pending"), T0, T0.plusSeconds(60)))
        .isEqualTo(new GateChecker.Verdict.Waiting(List.of("ci/image")));
    assertThat(GateChecker.check(GATES, Map.of(), T0, T0)).isEqualTo(new GateChecker.Verdict.Waiting(List.of("ci/image")));
    assertThat(GateChecker.check(GATES, Map.of("ci/image", "success"), T0, T0)).isEqualTo(new GateChecker.Verdict.Open());
    assertThat(GateChecker.check(GATES, Map.of("ci/image", "failure"), T0, T0))
        .isEqualTo(new GateChecker.Verdict.Blocked("ci/image", "gate ci/image is failure"));
  }

  @Test
  void waitingPastMaxWaitBlocks() {
    assertThat(GateChecker.check(GATES, Map.of("ci/image", "pending"), T0, T0.plus(Duration.ofMinutes(31))))
        .isInstanceOf(GateChecker.Verdict.Blocked.class);
  }

  @Test
  void reachingMaxWaitBlocksSoTheLastRecheckAtTheDeadlineDecides() {
    assertThat(GateChecker.check(GATES, Map.of("ci/image", "pending"), T0, T0.plus(Duration.ofMinutes(30))))
        .isEqualTo(new GateChecker.Verdict.Blocked("ci/image", "gate ci/image not successful after 30m"));
    assertThat(GateChecker.recheckAfter(9, T0, GATES, T0.plus(Duration.ofMinutes(30)))).isEqualTo(Duration.ZERO);
  }

  @Test
  void rechecksBackOffButNeverPastTheDeadline() {
    assertThat(GateChecker.recheckAfter(1, T0, GATES, T0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(GateChecker.recheckAfter(3, T0, GATES, T0)).isEqualTo(Duration.ofMinutes(2));
    assertThat(GateChecker.recheckAfter(7, T0, GATES, T0.plus(Duration.ofMinutes(29)))).isEqualTo(Duration.ofMinutes(1));
  }
}
