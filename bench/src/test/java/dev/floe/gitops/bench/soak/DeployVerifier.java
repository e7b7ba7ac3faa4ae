package dev.floe.gitops.bench.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The verdict, from Git alone: the bare repositories on the host, read with JGit, against {@link RenderOracle}.
 * <ul>
 *   <li>converged: every deploy head carries the expected source commit and exactly the tree of its render;</li>
 *   <li>never backwards: along the first-parent line each {@code Floe-Source-Commit} is a proper descendant of the
 *       one before (source-history order);</li>
 *   <li>no empty deploys: no two consecutive deploy commits have the same tree;</li>
 *   <li>no duplicates: no source commit is deployed twice (the soak changes no platform file and rolls nothing back,
 *       the only two reasons a source commit may legitimately render again).</li>
 * </ul>
 */
final class DeployVerifier {

  /** A repository on the host and where its bare folder is. */
  record Served(String name, Path bare) {}

  /** The outcome of one look at every deploy branch. */
  record Verdict(boolean converged, List<String> violations, List<String> pending, int deployCommits) {}

  private final List<Served> repositories;
  private final Map<String, byte[]> platforms;
  private final RenderOracle oracle = new RenderOracle();

  /** @param platforms environment name → platform.yaml bytes, as configured in the service */
  DeployVerifier(List<Served> repositories, Map<String, byte[]> platforms) {
    this.repositories = List.copyOf(repositories);
    this.platforms = Map.copyOf(platforms);
  }

  Verdict verify() throws IOException {
    List<String> violations = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    int deployCommits = 0;
    for (Served served : repositories) {
      try (Repository repo = new FileRepositoryBuilder().setGitDir(served.bare().toFile()).setMustExist(true).build()) {
        ObjectId head = repo.resolve("refs/heads/main");
        for (Map.Entry<String, byte[]> env : new java.util.TreeMap<>(platforms).entrySet()) {
          String where = served.name() + " deploy/" + env.getKey();
          ObjectId deploy = repo.resolve("refs/heads/deploy/" + env.getKey());
          if (deploy == null) {
            pending.add(where + ": no deploy branch");
            continue;
          }
          RenderOracle.Expected expected = oracle.expect(repo, served.name(), head, env.getKey(), env.getValue());
          deployCommits += history(repo, deploy, where, expected, violations, pending);
        }
      }
    }
    return new Verdict(pending.isEmpty() && violations.isEmpty(), violations, pending, deployCommits);
  }

  /** Checks one deploy branch; returns its number of commits. */
  private static int history(Repository repo, ObjectId deploy, String where, RenderOracle.Expected expected,
      List<String> violations, List<String> pending) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      List<RevCommit> line = new ArrayList<>(); // newest first
      for (RevCommit c = walk.parseCommit(deploy); c != null; c = c.getParentCount() == 0 ? null
          : walk.parseCommit(c.getParent(0))) {
        if (c.getParentCount() > 1) {
          violations.add(where + ": merge commit " + c.name() + " on a deploy branch");
        }
        line.add(c);
      }
      RevCommit top = line.get(0);
      String deployed = trailer(top);
      if (!expected.sourceCommit().name().equals(deployed)) {
        pending.add(where + ": deploys " + abbrev(deployed) + ", source head renders from "
            + abbrev(expected.sourceCommit().name()));
      } else if (!top.getTree().getId().equals(expected.tree())) {
        // the right source commit with another tree: not a lag, a wrong render
        violations.add(where + ": head " + abbrev(top.name()) + " has tree " + abbrev(top.getTree().name())
            + " but the render of " + abbrev(deployed) + " is " + abbrev(expected.tree().name()));
      }
      Set<String> seen = new HashSet<>();
      RevCommit newer = null;
      for (RevCommit c : line) { // newest to oldest
        String source = trailer(c);
        if (source == null) {
          violations.add(where + ": commit " + abbrev(c.name()) + " has no Floe-Source-Commit");
          continue;
        }
        if (!seen.add(source)) {
          violations.add(where + ": source " + abbrev(source) + " deployed twice (again at " + abbrev(c.name()) + ")");
        }
        if (newer != null) {
          if (newer.getTree().equals(c.getTree())) {
            violations.add(where + ": " + abbrev(newer.name()) + " has the same tree as its parent "
                + abbrev(c.name()));
          }
          String newerSource = trailer(newer);
          if (newerSource != null && !properDescendant(repo, newerSource, source)) {
            violations.add(where + ": went backwards: " + abbrev(newer.name()) + " renders " + abbrev(newerSource)
                + ", which is not after " + abbrev(source) + " (its parent's source)");
          }
        }
        newer = c;
      }
      return line.size();
    }
  }

  private static boolean properDescendant(Repository repo, String descendant, String ancestor) throws IOException {
    if (descendant.equals(ancestor)) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)),
          walk.parseCommit(ObjectId.fromString(descendant)));
    }
  }

  private static String trailer(RevCommit c) {
    List<String> values = c.getFooterLines("Floe-Source-Commit");
    return values.isEmpty() ? null : values.get(values.size() - 1).trim();
  }

  private static String abbrev(String sha) {
    return sha == null ? "(none)" : sha.substring(0, Math.min(12, sha.length()));
  }
}
