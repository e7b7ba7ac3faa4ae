package dev.floe.gitops.webhook.status;

import java.util.List;

/**
 * What a pull request does to one environment: compile errors (empty when it compiles), the deploy tree's files it
 * adds, changes and removes, and the unified diff of the rendered files against the deploy branch.
 */
public record EnvironmentPreview(String environment, String deployBranch, List<String> errors, List<String> added,
    List<String> changed, List<String> removed, String diff, PreviewMode mode) {

  public EnvironmentPreview {
    errors = List.copyOf(errors);
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    diff = diff == null ? "" : diff;
  }

  public boolean compiles() {
    return errors.isEmpty();
  }

  public int filesChanged() {
    return added.size() + changed.size() + removed.size();
  }
}
