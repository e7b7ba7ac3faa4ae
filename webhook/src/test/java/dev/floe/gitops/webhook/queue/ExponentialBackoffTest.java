package dev.floe.gitops.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofSeconds(60);

  @Test
  void theCeilingDoublesPerAttemptUpToTheMaximum() {
    Backoff highest = new ExponentialBackoff(BASE, MAX, () -> 0.999_999);
    assertThat(highest.delay(1)).isBetween(Duration.ofMillis(990), BASE);
    assertThat(highest.delay(2)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
    assertThat(highest.delay(4)).isBetween(Duration.ofMillis(7990), Duration.ofSeconds(8));
    assertThat(highest.delay(7)).isBetween(Duration.ofMillis(59_900), MAX);
    assertThat(highest.delay(1_000)).isBetween(Duration.ofMillis(59_900), MAX);
  }

  @Test
  void fullJitterCanChooseAnyDelayDownToZero() {
    assertThat(new ExponentialBackoff(BASE, MAX, () -> 0.0).delay(5)).isZero();
    assertThat(new ExponentialBackoff(BASE, MAX, () -> 0.5).delay(3)).isEqualTo(Duration.ofSeconds(2));
  }
}
