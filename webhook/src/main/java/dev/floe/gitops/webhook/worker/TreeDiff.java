package dev.floe.gitops.webhook.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/**
 * What a pull request would do to a deploy branch: the files added, changed and removed, and their unified diff (cut at
 * {@code maxDiffChars}, since a comment or page only shows so much). The rendered tree has passed the policy scan
 * before it is diffed, so the diff shows no inline secret the scan knows.
 */
final class TreeDiff {

  private TreeDiff() {}

  static DeployOutcome.FileChanges between(Repository repo, ObjectId oldTree, ObjectId newTree, int maxDiffChars)
      throws IOException {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectReader reader = repo.newObjectReader(); DiffFormatter diff = new DiffFormatter(out)) {
      diff.setRepository(repo);
      AbstractTreeIterator a = oldTree == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, oldTree);
      List<DiffEntry> entries = diff.scan(a, new CanonicalTreeParser(null, reader, newTree));
      for (DiffEntry e : entries) {
        switch (e.getChangeType()) {
          case ADD -> added.add(e.getNewPath());
          case DELETE -> removed.add(e.getOldPath());
          default -> changed.add(e.getNewPath());
        }
      }
      diff.format(entries);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    if (text.length() > maxDiffChars) {
      text = text.substring(0, maxDiffChars) + "\n... (diff cut at " + maxDiffChars + " characters)\n";
    }
    return new DeployOutcome.FileChanges(added, changed, removed, text);
  }
}
