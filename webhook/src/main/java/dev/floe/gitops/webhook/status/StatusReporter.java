package dev.floe.gitops.webhook.status;

import dev.floe.gitops.webhook.worker.DeployOutcome;
import java.util.Optional;

/**
 * Maps the worker's {@link DeployOutcome} to the commit status that tells the user: {@code floe/<env>} for pull
 * requests, {@code floe/deploy-<env>} for merges, on the pushed head (SPEC §4: statuses use the pushed head, not the
 * source commit). Pure: posting is the {@link StatusClient}'s job.
 */
public final class StatusReporter {

  private StatusReporter() {}

  public static String prContext(String environment) {
    return "floe/" + environment;
  }

  public static String deployContext(String environment) {
    return "floe/deploy-" + environment;
  }

  public static String platformContext(String environment) {
    return "floe/platform-" + environment;
  }

  public static CommitStatus pending(String context, String sha, Optional<String> link) {
    return new CommitStatus(sha, context, StatusState.PENDING, "floe-gitops is rendering", link);
  }

  /** A pull request's status for one environment. */
  public static CommitStatus forPullRequest(String environment, String deployBranch, String headSha,
      DeployOutcome outcome, Optional<String> link) {
    String ctx = prContext(environment);
    if (outcome instanceof DeployOutcome.Previewed p) {
      return new CommitStatus(headSha, ctx, StatusState.SUCCESS,
          "compiles; " + files(p.changedFiles()) + " on " + deployBranch, link);
    }
    if (outcome instanceof DeployOutcome.Invalid i) {
      return new CommitStatus(headSha, ctx, StatusState.FAILURE, first(i.errors()), link);
    }
    if (outcome instanceof DeployOutcome.PolicyViolation v) {
      return new CommitStatus(headSha, ctx, StatusState.FAILURE, "inline secret: " + first(v.findings()), link);
    }
    if (outcome instanceof DeployOutcome.Transient t) {
      // a PR check is never left pending: the queue retries, and a later success replaces this failure
      return new CommitStatus(headSha, ctx, StatusState.FAILURE, "could not check: " + t.cause(), link);
    }
    return new CommitStatus(headSha, ctx, StatusState.SUCCESS, outcome.describe(), link);
  }

  /** A merge's status for one environment; a gated deploy stays pending (the reconciler finishes it). */
  public static CommitStatus forDeploy(String environment, String deployBranch, String pushedSha,
      DeployOutcome outcome, Optional<String> link) {
    String ctx = deployContext(environment);
    StatusState state = StatusState.SUCCESS;
    String text;
    if (outcome instanceof DeployOutcome.Deployed d) {
      text = "deployed " + d.commit().abbreviate(7).name() + " to " + deployBranch;
    } else if (outcome instanceof DeployOutcome.Unchanged) {
      text = "unchanged: " + deployBranch + " already has this render";
    } else if (outcome instanceof DeployOutcome.Stale) {
      text = "stale: " + deployBranch + " already deploys a newer commit";
    } else if (outcome instanceof DeployOutcome.Pinned) {
      text = "not deployed: " + deployBranch + " is pinned by a rollback";
    } else if (outcome instanceof DeployOutcome.Gated g) {
      state = StatusState.PENDING;
      text = "waiting for " + String.join(", ", g.pending());
    } else if (outcome instanceof DeployOutcome.Invalid i) {
      state = StatusState.FAILURE;
      text = first(i.errors());
    } else if (outcome instanceof DeployOutcome.PolicyViolation v) {
      state = StatusState.FAILURE;
      text = "inline secret: " + first(v.findings());
    } else if (outcome instanceof DeployOutcome.Transient t) {
      // retried by the queue: pending until the retry decides (a DLQ'd event is reported failed by the caller)
      state = StatusState.PENDING;
      text = "retrying: " + t.cause();
    } else {
      text = outcome.describe();
    }
    return new CommitStatus(pushedSha, ctx, state, text, link);
  }

  /**
   * The queue gave up on the event (it is on the dead-letter topic): final, so the check is not left pending, and it
   * says what brings the event back. The reason goes last: a provider's limit cuts it, never the instruction.
   */
  public static CommitStatus deadLettered(String context, String sha, String reason, Optional<String> link) {
    return new CommitStatus(sha, context, StatusState.FAILURE,
        "dead-lettered; fix the cause, then floe-gitops dlq replay: " + reason, link);
  }

  /** Bitbucket Cloud publishes no ref for a fork's pull request: say so instead of leaving the check silent. */
  public static CommitStatus forkUnsupported(String environment, String headSha, Optional<String> link) {
    return new CommitStatus(headSha, prContext(environment), StatusState.FAILURE,
        "cannot check pull requests from forks on Bitbucket Cloud (it publishes no ref for them)", link);
  }

  private static String files(int n) {
    return n == 1 ? "1 file changes" : n + " files change";
  }

  private static String first(java.util.List<String> lines) {
    return lines.isEmpty() ? "failed" : lines.get(0);
  }
}
