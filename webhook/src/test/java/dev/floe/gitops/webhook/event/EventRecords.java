package dev.floe.gitops.webhook.event;

import java.time.Instant;

/** Sample records for tests. */
public final class EventRecords {

  public static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  public static final Instant RECEIVED = Instant.parse("2026-11-29T04:40:26.123Z");

  private EventRecords() {}

  public static EventRecord push(String repository, String deliveryId) {
    return EventRecord.push(Provider.GITHUB, deliveryId, repository,
        "https://github.com/acme/" + repository + ".git", "refs/heads/main",
        "0".repeat(40), "a".repeat(40), RECEIVED, TRACEPARENT);
  }

  public static EventRecord pullRequest() {
    return EventRecord.pullRequest(Provider.GITLAB, "7c1f0b2e-3a1d-4a7e-9f7e-1b2c3d4e5f60",
        "sales-analytics", "https://gitlab.example.com/data/sales-analytics.git",
        "feature/new-model", "b".repeat(40), "main", 42, "someone/sales-analytics",
        RECEIVED, null);
  }
}
