package dev.floe.gitops.bench.soak;

import dev.floe.gitops.compiler.CompileInputs;
import dev.floe.gitops.compiler.CompileRequest;
import dev.floe.gitops.compiler.CompileResult;
import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.FloeCompiler;
import dev.floe.gitops.compiler.RenderedTree;
import dev.floe.gitops.compiler.SourceException;
import dev.floe.gitops.compiler.SourceInfo;
import dev.floe.gitops.webhook.git.GitSourceTree;
import dev.floe.gitops.webhook.git.SourceCommitFinder;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What a deploy branch must hold, computed from the source repository alone with the compiler library: the source
 * commit of the head (SPEC §4: the newest first-parent commit that changed a render input) and the tree id of its
 * render, built the way the worker commits it (every file 100644, Git's path order).
 */
final class RenderOracle {

  /** The expected deploy state of one environment. */
  record Expected(ObjectId sourceCommit, ObjectId tree) {}

  private static final String SOURCE_REF = "refs/heads/main";

  private final FloeCompiler compiler = new FloeCompiler(CompilerLimits.defaults());

  Expected expect(Repository repository, String repositoryName, ObjectId head, String environment, byte[] platform)
      throws IOException {
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      RevCommit headCommit = walk.parseCommit(head);
      byte[] floe;
      try {
        floe = new GitSourceTree(reader, headCommit.getTree(), repositoryName, GitSourceTree.Limits.defaults())
            .read("floe.yaml").orElseThrow();
      } catch (SourceException e) {
        throw new IOException("cannot read floe.yaml of " + repositoryName + "@" + head.name(), e);
      }
      CompileInputs inputs = CompileInputs.of(floe);
      ObjectId source = new SourceCommitFinder(repository).find(head, inputs.paths(), inputs.wholeTree());
      RevCommit sourceCommit = walk.parseCommit(source);
      CompileResult result = compiler.compile(new CompileRequest(
          new GitSourceTree(reader, sourceCommit.getTree(), repositoryName + "@" + source.name(),
              GitSourceTree.Limits.defaults()),
          "floe.yaml", platform, "platform.yaml", environment,
          new SourceInfo(repositoryName, source.name(), SOURCE_REF)));
      if (result instanceof CompileResult.Failed failed) {
        throw new IOException(repositoryName + "@" + source.name() + " does not compile for " + environment + ": "
            + failed.errors());
      }
      return new Expected(source.copy(), treeId(((CompileResult.Compiled) result).tree()));
    }
  }

  private static ObjectId treeId(RenderedTree tree) throws IOException {
    try (ObjectInserter.Formatter ids = new IdsOnly()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(ids.idFor(Constants.OBJ_BLOB, file.getValue()));
        builder.add(entry);
      }
      builder.finish();
      return index.writeTree(ids);
    }
  }

  /** Computes ids without storing anything: the oracle never writes into the host's repositories. */
  private static final class IdsOnly extends ObjectInserter.Formatter {
    @Override
    public ObjectId insert(int type, byte[] data, int off, int len) {
      return idFor(type, data, off, len);
    }
  }
}
