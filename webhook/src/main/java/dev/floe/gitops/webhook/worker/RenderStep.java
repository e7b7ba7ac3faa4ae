package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.compiler.CompileInputs;
import dev.floe.gitops.compiler.CompileRequest;
import dev.floe.gitops.compiler.CompileResult;
import dev.floe.gitops.compiler.FloeCompiler;
import dev.floe.gitops.compiler.RenderedTree;
import dev.floe.gitops.compiler.SourceException;
import dev.floe.gitops.compiler.SourceInfo;
import dev.floe.gitops.webhook.git.GitSourceTree;
import dev.floe.gitops.webhook.git.SourceCommitFinder;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * decide the source commit, then compile it: floe.yaml and every file it names are read from the commit's tree
 * through {@link GitSourceTree}; no checkout.
 */
final class RenderStep {

  sealed interface Render {}

  record Rendered(RenderedTree tree) implements Render {}

  record Invalid(DeployOutcome.Invalid outcome) implements Render {}

  private final FloeCompiler compiler;
  private final GitSourceTree.Limits limits;

  RenderStep(FloeCompiler compiler, GitSourceTree.Limits limits) {
    this.compiler = compiler;
    this.limits = limits;
  }

  /** The render's source commit (SPEC §4): the newest first-parent commit of {@code head} that changed an input. */
  ObjectId sourceCommit(Repository repository, ObjectId head) throws IOException {
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      RevCommit commit = walk.parseCommit(head);
      Optional<byte[]> floe = readFloe(reader, commit, repository.toString());
      CompileInputs inputs = CompileInputs.of(floe.orElse(null));
      return new SourceCommitFinder(repository).find(commit, inputs.paths(), inputs.wholeTree());
    }
  }

  Render compile(Repository repository, String repositoryName, ObjectId sourceCommit, String sourceRef,
      String environment, byte[] platformYaml) throws IOException {
    try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
      RevCommit commit = walk.parseCommit(sourceCommit);
      GitSourceTree source = new GitSourceTree(reader, commit.getTree(), repositoryName + "@" + commit.name(), limits);
      CompileResult result = compiler.compile(new CompileRequest(source, "floe.yaml", platformYaml, "platform.yaml",
          environment, new SourceInfo(repositoryName, commit.name(), sourceRef)));
      if (result instanceof CompileResult.Failed failed) {
        return new Invalid(DeployOutcome.Invalid.of(failed.errors()));
      }
      return new Rendered(((CompileResult.Compiled) result).tree());
    }
  }

  private Optional<byte[]> readFloe(ObjectReader reader, RevCommit commit, String description) {
    try {
      return new GitSourceTree(reader, commit.getTree(), description, limits).read("floe.yaml");
    } catch (SourceException e) {
      return Optional.empty(); // the compile reports it; floe.yaml alone is then the input
    }
  }
}
