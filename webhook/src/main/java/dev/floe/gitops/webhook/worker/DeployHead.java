package dev.floe.gitops.webhook.worker;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The deploy branch's head as the worker reads it: the deploy branches are the only durable state (SPEC §4), so
 * what was deployed, from which source commit, and whether a rollback pins it, all come from the head's trailers.
 *
 * @param commit null when the deploy branch does not exist yet
 */
record DeployHead(ObjectId commit, ObjectId tree, Optional<String> sourceCommit, boolean rollback,
    Optional<String> rolledBackFrom) {

  static final DeployHead NONE = new DeployHead(null, null, Optional.empty(), false, Optional.empty());

  boolean exists() {
    return commit != null;
  }

  static DeployHead read(Repository repository, Optional<ObjectId> head) throws IOException {
    if (head.isEmpty()) {
      return NONE;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(head.get());
      List<FooterLine> footers = c.getFooterLines();
      return new DeployHead(c.copy(), c.getTree().copy(), footer(footers, CommitBuilder.SOURCE_COMMIT),
          footer(footers, CommitBuilder.ROLLBACK).filter("true"::equalsIgnoreCase).isPresent(),
          footer(footers, CommitBuilder.ROLLED_BACK_FROM));
    }
  }

  private static Optional<String> footer(List<FooterLine> footers, String key) {
    // the last one wins, as git interpret-trailers reads them
    Optional<String> value = Optional.empty();
    for (FooterLine f : footers) {
      if (f.getKey().equalsIgnoreCase(key)) {
        value = Optional.of(f.getValue().trim());
      }
    }
    return value;
  }
}
