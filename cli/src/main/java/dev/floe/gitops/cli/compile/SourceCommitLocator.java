package dev.floe.gitops.cli.compile;

import dev.floe.gitops.compiler.CompileInputs;
import dev.floe.gitops.webhook.git.SourceCommitFinder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Finds the render's source commit for a pipeline folder on disk, the same way the worker does
 * for a pushed head, so that {@code compile} and the deploy branch agree on {@code ${SOURCE_SHA}}.
 */
public final class SourceCommitLocator {

  /** Where the files came from: a commit with its ref, or a folder outside any Git work tree. */
  public record Located(String commit, String ref) {
    public static final String WORKING_TREE = "working-tree";
  }

  private SourceCommitLocator() {}

  public static Located locate(Path pipelineRoot, byte[] floeYaml) throws IOException {
    Path root = pipelineRoot.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
    if (builder.getGitDir() == null) {
      return new Located(Located.WORKING_TREE, Located.WORKING_TREE);
    }
    try (Repository repo = builder.build()) {
      ObjectId head = repo.resolve("HEAD");
      if (head == null || repo.isBare()) {
        return new Located(Located.WORKING_TREE, Located.WORKING_TREE);
      }
      Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
      String prefix = prefixOf(top, root);
      CompileInputs inputs = CompileInputs.of(floeYaml);
      List<String> paths = new ArrayList<>();
      for (String p : inputs.paths()) {
        paths.add(prefix + p);
      }
      ObjectId source = new SourceCommitFinder(repo).find(head, paths, inputs.wholeTree());
      String ref = Optional.ofNullable(repo.getFullBranch()).orElse(head.name());
      return new Located(source.name(), ref);
    }
  }

  private static String prefixOf(Path top, Path root) throws IOException {
    Path realTop = top.toRealPath();
    Path realRoot = root.toRealPath();
    if (!realRoot.startsWith(realTop)) {
      throw new IOException("pipeline folder " + root + " is not inside the Git work tree " + top);
    }
    String rel = realTop.relativize(realRoot).toString().replace('\\', '/');
    return rel.isEmpty() ? "" : rel + "/";
  }
}
