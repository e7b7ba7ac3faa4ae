package dev.floe.gitops.webhook.queue;

import java.time.Duration;

/** How long to wait before the next attempt of a record; injectable so tests do not sleep. */
@FunctionalInterface
public interface Backoff {

  /**
   * @param attempt the attempt that just failed, from 1
   */
  Duration delay(int attempt);
}
