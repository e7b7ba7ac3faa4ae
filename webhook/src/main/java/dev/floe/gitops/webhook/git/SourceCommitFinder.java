package dev.floe.gitops.webhook.git;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Finds a render's source commit (SPEC §4): the newest commit on the head's first-parent line
 * that changed the render's inputs. A push that touches no input therefore renders the same
 * source commit, the same bytes, and makes no deploy commit.
 *
 * <p>Each step compares only the object ids of the input paths between a commit and its first
 * parent, so the cost grows with the number of commits walked, not with the size of the tree.
 */
public final class SourceCommitFinder {

  private final Repository repository;

  public SourceCommitFinder(Repository repository) {
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /**
   * @param head the pushed head
   * @param inputPaths input paths relative to the repository root (files or folders)
   * @param wholeTree true when any change of the tree is an input (an image built from it)
   * @return the source commit; the head itself when it is a root commit or changes an input
   */
  public ObjectId find(ObjectId head, List<String> inputPaths, boolean wholeTree) throws IOException {
    try (RevWalk walk = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader()) {
      RevCommit commit = walk.parseCommit(head);
      while (true) {
        if (commit.getParentCount() == 0) {
          return commit.copy();
        }
        RevCommit parent = walk.parseCommit(commit.getParent(0));
        if (changesInputs(reader, commit.getTree(), parent.getTree(), inputPaths, wholeTree)) {
          return commit.copy();
        }
        commit = parent;
      }
    }
  }

  private static boolean changesInputs(
      ObjectReader reader, RevTree tree, RevTree parentTree, List<String> inputPaths, boolean wholeTree)
      throws IOException {
    if (wholeTree) {
      return !tree.equals(parentTree);
    }
    for (String path : inputPaths) {
      if (!Objects.equals(idAt(reader, tree, path), idAt(reader, parentTree, path))) {
        return true;
      }
    }
    return false;
  }

  private static ObjectId idAt(ObjectReader reader, RevTree tree, String path) throws IOException {
    String clean = stripSlashes(path);
    if (clean.isEmpty()) {
      return tree.getId();
    }
    try (TreeWalk walk = TreeWalk.forPath(reader, clean, tree)) {
      return walk == null ? null : walk.getObjectId(0);
    }
  }

  private static String stripSlashes(String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
