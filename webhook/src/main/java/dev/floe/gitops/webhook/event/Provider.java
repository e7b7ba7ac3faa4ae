package dev.floe.gitops.webhook.event;

import java.util.Optional;

/** The git hosts a webhook can come from (SPEC §2), with the name they have on the wire. */
public enum Provider {
  GITHUB("github"),
  GITLAB("gitlab"),
  GITEA("gitea"),
  BITBUCKET("bitbucket");

  private final String wireName;

  Provider(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The provider with this exact wire name; no case folding, so one event has one spelling. */
  public static Optional<Provider> fromWireName(String name) {
    for (Provider p : values()) {
      if (p.wireName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
