package dev.floe.gitops.webhook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  RetryPolicy policy = RetryPolicy.defaults(GitHubStatusClientTest.CLOCK);

  Optional<Duration> after(int attempt, int status, Map<String, String> headers) {
    return policy.nextDelay(attempt, status, name -> Optional.ofNullable(headers.get(name)));
  }

  @Test
  void retryAfterAsAnHttpDateCountsFromTheInjectedClock() {
    assertThat(after(1, 503, Map.of("retry-after", "Sun, 29 Nov 2026 06:00:10 GMT"))).contains(Duration.ofSeconds(10));
  }

  @Test
  void exponentialWithoutHostAdviceAndNothingFor4xx() {
    assertThat(after(1, 500, Map.of())).contains(Duration.ofSeconds(1));
    assertThat(after(3, 500, Map.of())).contains(Duration.ofSeconds(4));
    assertThat(after(1, 404, Map.of())).isEmpty();
    assertThat(after(4, 500, Map.of())).as("the last attempt").isEmpty();
  }

  @Test
  void aWaitLongerThanTheCapIsGivenUp() {
    assertThat(after(1, 429, Map.of("retry-after", "3600"))).isEmpty();
  }
}
