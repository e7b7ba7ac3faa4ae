package dev.floe.gitops.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak's verdict is only worth something if it fails: each rule against a deploy branch that breaks it. */
class DeployVerifierTest {

  private static final Path ROOT = Path.of(System.getProperty("floe.repo.root", "..")).toAbsolutePath().normalize();

  @TempDir Path dir;
  private SourceRepository source;
  private DeployVerifier verifier;
  private List<String> history;

  @BeforeEach
  void repository() throws Exception {
    Path host = Files.createDirectories(dir.resolve("host"));
    source = SourceRepository.create("soak/test", "test.git", ROOT.resolve("test-repos/sales-analytics"), host,
        Files.createDirectories(dir.resolve("clones")));
    source.commit(new java.util.Random(1)); // a second source commit, so there is an order to break
    verifier = new DeployVerifier(List.of(new DeployVerifier.Served("soak/test", source.bare())),
        Map.of("dev", Files.readAllBytes(ROOT.resolve("platform/dev/platform.yaml"))));
    history = List.of(new Git(source.bare()).run("rev-list", "--first-parent", "--reverse", "main").split("\n"));
  }

  @Test
  void aDeployThatGoesBackInSourceHistoryIsAViolation() throws Exception {
    deploy(List.of(history.get(1), history.get(0)), List.of("a", "b"));
    assertThat(verifier.verify().violations()).anyMatch(v -> v.contains("went backwards"));
  }

  @Test
  void twoConsecutiveDeploysWithTheSameTreeAreAViolation() throws Exception {
    deploy(List.of(history.get(0), history.get(1)), List.of("a", "a"));
    assertThat(verifier.verify().violations()).anyMatch(v -> v.contains("same tree as its parent"));
  }

  @Test
  void aSourceCommitDeployedTwiceIsAViolation() throws Exception {
    deploy(List.of(history.get(1), history.get(1)), List.of("a", "b"));
    assertThat(verifier.verify().violations()).anyMatch(v -> v.contains("deployed twice"));
  }

  @Test
  void theRightSourceCommitWithAnotherTreeIsAWrongRenderNotALag() throws Exception {
    deploy(List.of(history.get(1)), List.of("not the render"));
    DeployVerifier.Verdict verdict = verifier.verify();
    assertThat(verdict.converged()).isFalse();
    assertThat(verdict.violations()).anyMatch(v -> v.contains("but the render of"));
  }

  @Test
  void anOlderSourceCommitIsPendingNotAViolation() throws Exception {
    deploy(List.of(history.get(0)), List.of("a"));
    DeployVerifier.Verdict verdict = verifier.verify();
    assertThat(verdict.converged()).isFalse();
    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.pending()).singleElement().asString().contains("deploy/dev");
  }

  /** Writes a deploy/dev branch: one commit per source commit, each tree one file with the given content. */
  private void deploy(List<String> sources, List<String> contents) throws Exception {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(source.bare().toFile()).build();
        ObjectInserter inserter = repo.newObjectInserter()) {
      ObjectId parent = null;
      for (int i = 0; i < sources.size(); i++) {
        TreeFormatter tree = new TreeFormatter();
        tree.append("file", FileMode.REGULAR_FILE,
            inserter.insert(Constants.OBJ_BLOB, contents.get(i).getBytes(StandardCharsets.UTF_8)));
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(inserter.insert(tree));
        if (parent != null) {
          commit.setParentId(parent);
        }
        PersonIdent who = new PersonIdent("test", "test@floe.invalid");
        commit.setAuthor(who);
        commit.setCommitter(who);
        commit.setMessage("floe: render dev\n\nFloe-Source-Commit: " + sources.get(i) + "\nFloe-Environment: dev\n");
        parent = inserter.insert(commit);
      }
      inserter.flush();
      RefUpdate update = repo.updateRef("refs/heads/deploy/dev");
      update.setNewObjectId(parent);
      update.forceUpdate();
    }
  }
}
