package dev.floe.gitops.webhook.status;

import java.util.List;

/**
 * What a pull request does to one environment: compile errors (empty when it compiles), the deploy tree's files it
 * adds, changes and removes, and the unified diff of the rendered files against the deploy branch.
 */
public record EnvironmentPreview(String environment, String deployBranch, List<String> errors, List<String> added,
    List<String> changed, List<String> removed, String diff, PreviewMode mode, int unnamedChanges) {

  public EnvironmentPreview(String environment, String deployBranch, List<String> errors, List<String> added,
      List<String> changed, List<String> removed, String diff, PreviewMode mode) {
    this(environment, deployBranch, errors, added, changed, removed, diff, mode, 0);
  }

  /**
   * What today's worker tells about a pull request: only how many files change ({@code Previewed.changedFiles}), not
   * which; they count as changed until the worker reports names and the diff (docs/status.md, "Missing").
   */
  public static EnvironmentPreview countOnly(String environment, String deployBranch, List<String> errors, int changed,
      PreviewMode mode) {
    return new EnvironmentPreview(environment, deployBranch, errors, List.of(), List.of(), List.of(), "", mode, changed);
  }

  public int changedCount() {
    return changed.size() + unnamedChanges;
  }

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
    return added.size() + changedCount() + removed.size();
  }
}
