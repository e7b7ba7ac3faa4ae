package dev.floe.gitops.webhook.status;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of an environment's rendered diff a pull request shows ({@code environments.<name>.preview}). Production
 * defaults to {@code summary}: its rendered files may name internal endpoints that a wide PR audience need not see.
 */
public enum PreviewMode {
  FULL,
  SUMMARY,
  NONE;

  public static PreviewMode of(Optional<String> configured, String environment) {
    return configured.map(v -> valueOf(v.toUpperCase(Locale.ROOT)))
        .orElse("prod".equals(environment) ? SUMMARY : FULL);
  }

  public boolean showsDiff() {
    return this == FULL;
  }

  public boolean showsCounts() {
    return this != NONE;
  }
}
