package dev.floe.gitops.webhook.event;

import java.util.Optional;

/** What happened on the git host: a push, or a pull/merge request opened or updated. */
public enum EventKind {
  PUSH("push"),
  PULL_REQUEST("pull_request");

  private final String wireName;

  EventKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventKind> fromWireName(String name) {
    for (EventKind k : values()) {
      if (k.wireName.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
