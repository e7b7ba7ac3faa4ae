package dev.floe.gitops.webhook.git;

import dev.floe.gitops.compiler.SourceException;
import dev.floe.gitops.compiler.SourcePaths;
import dev.floe.gitops.compiler.SourceTree;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The compiler's view of one commit: files are read straight from the Git tree through an {@link ObjectReader}, so no
 * working tree is ever checked out (SPEC §4).
 *
 * <p>Hostile trees stay cheap and inside the tree: paths are checked by {@link SourcePaths#checkRelative}; a file over
 * {@code maxFileBytes} or a listing over {@code maxEntries} entries is an error; submodules (gitlinks) are invisible,
 * since their content is not in this repository; and a symbolic link is refused rather than followed, since a link's
 * target is just text that could name anything (reading it as a file would be wrong, following it could leave the tree).
 */
public final class GitSourceTree implements SourceTree {

  /** Bounds for one render's reads. */
  public record Limits(long maxFileBytes, int maxEntries) {
    public static Limits defaults() {
      return new Limits(1024L * 1024L, 50_000);
    }
  }

  private final ObjectReader reader;
  private final ObjectId tree;
  private final String description;
  private final Limits limits;

  /**
   * @param reader a reader the caller owns and closes after the compile
   * @param tree the commit's root tree
   * @param description repository@commit, for error messages
   */
  public GitSourceTree(ObjectReader reader, ObjectId tree, String description, Limits limits) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.tree = Objects.requireNonNull(tree, "tree").copy();
    this.description = Objects.requireNonNull(description, "description");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public Optional<byte[]> read(String relativePath) throws SourceException {
    String path = SourcePaths.checkRelative(relativePath);
    try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null) {
        return Optional.empty();
      }
      FileMode mode = walk.getFileMode(0);
      if (mode == FileMode.SYMLINK) {
        throw new SourceException("'" + path + "' in " + description
            + " is a symbolic link; floe-gitops does not follow links in the source tree, commit the file itself");
      }
      if (mode == FileMode.GITLINK || mode == FileMode.TREE) {
        return Optional.empty();
      }
      ObjectId blob = walk.getObjectId(0);
      long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
      if (size > limits.maxFileBytes()) {
        throw new SourceException("'" + path + "' in " + description + " has " + size + " bytes, more than the limit of "
            + limits.maxFileBytes());
      }
      return Optional.of(reader.open(blob, Constants.OBJ_BLOB).getCachedBytes((int) limits.maxFileBytes()));
    } catch (LargeObjectException e) {
      throw new SourceException("'" + path + "' in " + description + " is larger than the limit of " + limits.maxFileBytes() + " bytes", e);
    } catch (IOException e) {
      throw new SourceException("cannot read '" + path + "' in " + description + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> list(String glob) throws SourceException {
    if (glob == null || glob.isEmpty() || glob.startsWith("/") || glob.contains("..")) {
      throw new SourceException("glob '" + glob + "' must be relative and may not contain '..'");
    }
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (IllegalArgumentException e) {
      throw new SourceException("invalid glob '" + glob + "': " + e.getMessage(), e);
    }
    List<String> out = new ArrayList<>();
    int entries = 0;
    // Walk only below the glob's literal folder, as DirectorySourceTree does: a pipeline asks once per model glob,
    // and walking the whole tree each time made listing O(globs × files). The entry bound counts what is walked.
    String prefix = SourcePaths.globLiteralPrefix(glob);
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      if (!prefix.isEmpty()) {
        walk.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
      }
      while (walk.next()) {
        if (++entries > limits.maxEntries()) {
          throw new SourceException(description + " has more than " + limits.maxEntries()
              + " files" + (prefix.isEmpty() ? "" : " under '" + prefix + "'") + "; floe-gitops stops listing there");
        }
        FileMode mode = walk.getFileMode(0);
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
          continue; // links and submodules are never inputs
        }
        String path = walk.getPathString();
        if (matcher.matches(Path.of(path))) {
          out.add(path);
        }
      }
    } catch (IOException e) {
      throw new SourceException("cannot list '" + glob + "' in " + description + ": " + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public String describe() {
    return description;
  }
}
