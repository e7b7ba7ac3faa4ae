package dev.floe.gitops.webhook.worker;

import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Never backwards (SPEC §4): a source commit that is a proper ancestor of the deployed source commit is stale. The
 * same commit is not stale (a platform change re-renders it); a commit on another line of history is not stale either
 * (a force-pushed source branch moves the environment with it).
 */
final class StalenessCheck {

  private StalenessCheck() {}

  static boolean isStale(Repository repository, ObjectId candidate, Optional<String> deployedSource) throws IOException {
    if (deployedSource.isEmpty() || !ObjectId.isId(deployedSource.get())) {
      return false;
    }
    ObjectId deployed = ObjectId.fromString(deployedSource.get());
    if (deployed.equals(candidate)) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit base = walk.parseCommit(candidate);
      RevCommit tip = walk.parseCommit(deployed);
      return walk.isMergedInto(base, tip);
    } catch (MissingObjectException e) {
      return false; // the deployed source is no longer in the source history: nothing to be older than
    }
  }
}
