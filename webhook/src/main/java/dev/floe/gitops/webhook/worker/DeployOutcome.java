package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.compiler.CompileError;
import dev.floe.gitops.policy.Finding;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What one environment's render came to (SPEC §4). A value, never an exception: the queue maps it to a
 * {@link dev.floe.gitops.webhook.queue.ProcessingOutcome} and the texts below end up in logs and DLQ headers, so none
 * of them may carry a secret (findings are masked by the policy engine; causes pass through redaction).
 */
public sealed interface DeployOutcome {

  /** One line for logs and the queue. */
  String describe();

  /** A new deploy commit is on the deploy branch. */
  record Deployed(ObjectId commit, ObjectId sourceCommit) implements DeployOutcome {
    public String describe() {
      return "deployed " + commit.name() + " from " + sourceCommit.name();
    }
  }

  /** Rendering the source gives exactly the deploy tree: nothing to commit. */
  record Unchanged(ObjectId sourceCommit) implements DeployOutcome {
    public String describe() {
      return "unchanged at " + sourceCommit.name();
    }
  }

  /** The source commit is a proper ancestor of the deployed one: never move backwards. */
  record Stale(ObjectId sourceCommit, String deployed) implements DeployOutcome {
    public String describe() {
      return "stale: " + sourceCommit.name() + " is older than the deployed " + deployed;
    }
  }

  /** A rollback pins the environment until a push brings a new source commit. */
  record Pinned(String pinnedAt, String rolledBackFrom) implements DeployOutcome {
    public String describe() {
      return "pinned by rollback at " + pinnedAt + " (rolled back from " + rolledBackFrom + ")";
    }
  }

  /** Waiting for required statuses (deploy gates; not configurable yet, see docs/worker.md). */
  record Gated(List<String> pending) implements DeployOutcome {
    public Gated {
      pending = List.copyOf(pending);
    }

    public String describe() {
      return "gated on " + String.join(", ", pending);
    }
  }

  /** floe.yaml or platform.yaml does not compile: final, with every error. */
  record Invalid(List<String> errors) implements DeployOutcome {
    public Invalid {
      errors = List.copyOf(errors);
    }

    static Invalid of(List<CompileError> errors) {
      return new Invalid(errors.stream().map(CompileError::format).toList());
    }

    public String describe() {
      return "invalid: " + String.join("; ", errors);
    }
  }

  /** The rendered tree holds an inline secret: final, with the masked findings. */
  record PolicyViolation(List<String> findings) implements DeployOutcome {
    public PolicyViolation {
      findings = List.copyOf(findings);
    }

    static PolicyViolation of(List<Finding> findings, String extra) {
      List<String> lines = findings.stream().map(Finding::toString).collect(Collectors.toList());
      if (extra != null) {
        lines.add(extra);
      }
      return new PolicyViolation(lines);
    }

    public String describe() {
      return "policy violation: " + String.join("; ", findings);
    }
  }

  /** The git host could not be reached, or the push kept losing races: retry later. */
  record Transient(String cause) implements DeployOutcome {
    public String describe() {
      return "transient: " + cause;
    }
  }

  /** A pull request's render (no commit): how many files of the deploy tree it would change, which, and the diff. */
  record Previewed(ObjectId sourceCommit, int changedFiles, FileChanges changes) implements DeployOutcome {
    public Previewed {
      changes = changes == null ? FileChanges.NONE : changes;
    }

    /** Only the count (what tests and older callers give). */
    public Previewed(ObjectId sourceCommit, int changedFiles) {
      this(sourceCommit, changedFiles, FileChanges.NONE);
    }

    public String describe() {
      return "compiles; " + changedFiles + " files change";
    }
  }

  /** The deploy tree's files a pull request adds, changes and removes, and the unified diff of the rendered files. */
  record FileChanges(List<String> added, List<String> changed, List<String> removed, String diff) {
    public static final FileChanges NONE = new FileChanges(List.of(), List.of(), List.of(), "");

    public FileChanges {
      added = List.copyOf(added);
      changed = List.copyOf(changed);
      removed = List.copyOf(removed);
      diff = diff == null ? "" : diff;
    }
  }
}
