package dev.floe.gitops.webhook.status;

import dev.floe.gitops.webhook.worker.DeployOutcome;
import java.util.Map;

/**
 * {@code floe/platform-<env>} for a pull request that changes an environment's platform.yaml: for every served
 * repository, whether it still compiles against the new platform and how many files would change.
 */
public final class PlatformSummary {

  private PlatformSummary() {}

  /** @param perRepository each served repository's preview outcome against the changed platform.yaml */
  public static CommitStatus summarise(String environment, String headSha, Map<String, DeployOutcome> perRepository,
      java.util.Optional<String> link) {
    int failing = 0;
    int files = 0;
    int changing = 0;
    String firstFailure = null;
    for (var e : perRepository.entrySet()) {
      DeployOutcome outcome = e.getValue();
      if (outcome instanceof DeployOutcome.Previewed p) {
        files += p.changedFiles();
        changing += p.changedFiles() > 0 ? 1 : 0;
      } else if (!(outcome instanceof DeployOutcome.Unchanged)) {
        failing++;
        if (firstFailure == null) {
          firstFailure = e.getKey() + ": " + reason(outcome);
        }
      }
    }
    int total = perRepository.size();
    String text = total == 0 ? "no served repository deploys to " + environment
        : failing == 0
            ? total + (total == 1 ? " repository compiles; " : " repositories compile; ") + changing + " would change ("
                + files + (files == 1 ? " file)" : " files)")
            : failing + " of " + total + " repositories fail; first " + firstFailure;
    return new CommitStatus(headSha, StatusReporter.platformContext(environment),
        failing == 0 ? StatusState.SUCCESS : StatusState.FAILURE, text, link);
  }

  /** The first thing to fix, as the pipeline's own status would say it. */
  private static String reason(DeployOutcome outcome) {
    if (outcome instanceof DeployOutcome.Invalid i) {
      return i.errors().isEmpty() ? "invalid" : i.errors().get(0);
    }
    if (outcome instanceof DeployOutcome.PolicyViolation v) {
      return "inline secret: " + (v.findings().isEmpty() ? "" : v.findings().get(0));
    }
    if (outcome instanceof DeployOutcome.Transient t) {
      return "could not check: " + t.cause();
    }
    return outcome.describe();
  }
}
