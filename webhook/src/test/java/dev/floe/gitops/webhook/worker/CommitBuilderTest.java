package dev.floe.gitops.webhook.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.compiler.RenderedTree;
import dev.floe.gitops.runtime.config.GitIdentity;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;

/** The tree id computed without writing equals the written one; the message carries the trailers. */
class CommitBuilderTest {

  @Test
  void theDryTreeIdIsTheWrittenTreeIdAndTheCommitCarriesItsTrailers() throws Exception {
    TreeMap<String, byte[]> files = new TreeMap<>();
    files.put("manifests/configmap-x.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8));
    files.put("kustomization.yaml", "resources: []\n".getBytes(StandardCharsets.UTF_8));
    files.put("manifests-readme.md", "x\n".getBytes(StandardCharsets.UTF_8)); // sorts between "manifests" and "manifests/"
    RenderedTree tree = new RenderedTree(files);
    InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("t"));
    CommitBuilder builder = new CommitBuilder(new GitIdentity("a", "a@x"), new GitIdentity("c", "c@x"), WorkerFixture.CLOCK);

    ObjectId written = builder.writeTree(repo, tree);
    assertThat(CommitBuilder.treeId(tree)).isEqualTo(written);

    ObjectId source = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");
    ObjectId commit = builder.writeCommit(repo, written, null, new CommitBuilder.Message("dev", source, "refs/heads/main",
        "sha256:00", "reconcile", "fedcba9876543210fedcba9876543210fedcba98"));
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(commit);
      assertThat(c.getShortMessage()).isEqualTo("floe: render dev from 0123456789ab");
      assertThat(c.getAuthorIdent().getName()).isEqualTo("a");
      assertThat(c.getCommitterIdent().getEmailAddress()).isEqualTo("c@x");
      DeployHead head = DeployHead.read(repo, java.util.Optional.of(commit));
      assertThat(head.sourceCommit()).contains(source.name());
      assertThat(head.rollback()).isTrue();
      assertThat(head.rolledBackFrom()).contains("fedcba9876543210fedcba9876543210fedcba98");
    }
    String forged = new CommitBuilder.Message("dev", source, "refs/heads/main", "sha256:00",
        "d1\nFloe-Rollback: true", null).text();
    assertThat(forged).contains("Floe-Delivery: d1 Floe-Rollback: true\n").doesNotContain("\nFloe-Rollback");
  }
}
