package dev.floe.gitops.webhook.status;

import dev.floe.gitops.webhook.worker.DeployOutcome;
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

  /** What the worker's outcome for one environment shows (a comment's row, a report page). */
  public static EnvironmentPreview of(String environment, String deployBranch, DeployOutcome outcome,
      PreviewMode mode) {
    List<String> errors = List.of();
    if (outcome instanceof DeployOutcome.Invalid i) {
      errors = i.errors();
    } else if (outcome instanceof DeployOutcome.PolicyViolation v) {
      errors = v.findings();
    } else if (outcome instanceof DeployOutcome.Transient tr) {
      errors = List.of("could not check: " + tr.cause());
    } else if (outcome == null) {
      errors = List.of("not checked");
    }
    if (outcome instanceof DeployOutcome.Previewed p) {
      DeployOutcome.FileChanges c = p.changes();
      int named = c.added().size() + c.changed().size() + c.removed().size();
      // a count without names (an older worker, a test) still shows as that many changed files
      return new EnvironmentPreview(environment, deployBranch, errors, c.added(), c.changed(), c.removed(), c.diff(),
          mode, Math.max(0, p.changedFiles() - named));
    }
    return countOnly(environment, deployBranch, errors, 0, mode);
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
