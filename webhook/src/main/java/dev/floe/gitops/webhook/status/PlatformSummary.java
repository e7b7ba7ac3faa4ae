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
    String firstFailure = null;
    for (var e : perRepository.entrySet()) {
      DeployOutcome outcome = e.getValue();
      if (outcome instanceof DeployOutcome.Previewed p) {
        files += p.changedFiles();
      } else if (!(outcome instanceof DeployOutcome.Unchanged)) {
        failing++;
        if (firstFailure == null) {
          firstFailure = e.getKey();
        }
      }
    }
    int total = perRepository.size();
    String text = failing == 0
        ? total + " repositories compile; " + files + " files change"
        : failing + " of " + total + " repositories fail (first: " + firstFailure + ")";
    return new CommitStatus(headSha, StatusReporter.platformContext(environment),
        failing == 0 ? StatusState.SUCCESS : StatusState.FAILURE, text, link);
  }
}
