package dev.floe.gitops.webhook.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History is written by C git; JGit reads it, so the two agree on what a first-parent line is. */
class SourceCommitFinderTest {

  @TempDir Path dir;

  @BeforeEach
  void init() throws Exception {
    git("init", "-q", "-b", "main");
    git("config", "user.name", "t");
    git("config", "user.email", "t@example.invalid");
  }

  @Test
  void headThatChangesFloeYamlIsItsOwnSourceCommit() throws Exception {
    commitFile("floe.yaml", "name: a\n", "first");
    String second = commitFile("floe.yaml", "name: b\n", "second");
    assertThat(find(List.of("floe.yaml", "dbt"), false)).isEqualTo(second);
  }

  @Test
  void unrelatedPushKeepsTheEarlierSourceCommit() throws Exception {
    commitFile("floe.yaml", "name: a\n", "first");
    String model = commitFile("dbt/models/a.sql", "select 1\n", "model");
    commitFile("docs/notes.md", "hello\n", "docs only");
    commitFile("other/readme.txt", "x\n", "unrelated");
    assertThat(find(List.of("floe.yaml", "dbt"), false)).isEqualTo(model);
  }

  @Test
  void wholeTreeInputMakesEveryChangeASourceCommit() throws Exception {
    commitFile("floe.yaml", "name: a\n", "first");
    String docs = commitFile("docs/notes.md", "hello\n", "docs");
    assertThat(find(List.of("floe.yaml"), true)).isEqualTo(docs);
  }

  @Test
  void emptyCommitIsNotASourceCommitEvenForTheWholeTree() throws Exception {
    String first = commitFile("floe.yaml", "name: a\n", "first");
    git("commit", "-q", "--allow-empty", "-m", "empty");
    assertThat(find(List.of("floe.yaml"), true)).isEqualTo(first);
  }

  @Test
  void mergeBringingAnInputChangeIsTheSourceCommitOnTheFirstParentLine() throws Exception {
    commitFile("floe.yaml", "name: a\n", "first");
    git("checkout", "-q", "-b", "feature");
    commitFile("dbt/models/b.sql", "select 2\n", "feature model");
    git("checkout", "-q", "main");
    commitFile("docs/x.md", "x\n", "docs on main");
    git("merge", "-q", "--no-ff", "-m", "merge feature", "feature");
    String merge = git("rev-parse", "HEAD").trim();
    commitFile("docs/y.md", "y\n", "more docs");
    assertThat(find(List.of("floe.yaml", "dbt"), false)).isEqualTo(merge);
  }

  @Test
  void rootCommitIsTheSourceCommitWhenNothingLaterChangedAnInput() throws Exception {
    String root = commitFile("floe.yaml", "name: a\n", "root");
    commitFile("README.md", "r\n", "readme");
    assertThat(find(List.of("floe.yaml"), false)).isEqualTo(root);
  }

  @Test
  void inputsInASubfolderOfTheRepositoryAreFollowed() throws Exception {
    String nested = commitFile("pipelines/sales/floe.yaml", "name: a\n", "nested");
    commitFile("pipelines/other/floe.yaml", "name: b\n", "other pipeline");
    assertThat(find(List.of("pipelines/sales/floe.yaml", "pipelines/sales/sales_dbt/"), false)).isEqualTo(nested);
  }

  private String find(List<String> paths, boolean wholeTree) throws IOException {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build()) {
      ObjectId head = repo.resolve("HEAD");
      return new SourceCommitFinder(repo).find(head, paths, wholeTree).name();
    }
  }

  private String commitFile(String path, String content, String message) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    git("add", path);
    git("commit", "-q", "-m", message);
    return git("rev-parse", "HEAD").trim();
  }

  private String git(String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add("git");
    pb.command().addAll(List.of(args));
    pb.directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
