package dev.floe.gitops.cli;

import static dev.floe.gitops.cli.CompileCommandTest.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The deliberate way back, against a real bare repository that C git reads afterwards. */
class RollbackCommandTest {

  @TempDir Path tmp;
  Path bare;
  Path config;
  String first;
  String second;

  @BeforeEach
  void sourceRepositoryWithTwoRenderableCommits() throws Exception {
    Path work = tmp.resolve("work");
    copy(CompileCommandTest.SALES, work);
    git(work, "init", "-q", "-b", "main");
    git(work, "add", "-A");
    git(work, "commit", "-q", "-m", "pipeline");
    first = git(work, "rev-parse", "HEAD").trim();
    Path floe = work.resolve("floe.yaml");
    Files.writeString(floe, Files.readString(floe).replace("version: \"1.0.0\"", "version: \"1.1.0\""));
    git(work, "commit", "-q", "-am", "bump version");
    second = git(work, "rev-parse", "HEAD").trim();
    bare = tmp.resolve("sales.git");
    git(tmp, "clone", "-q", "--bare", work.toString(), bare.toString());
    config = tmp.resolve("floe-gitops.yaml");
    Files.writeString(config, """
        profile: local
        dataDir: data
        environments:
          dev: {platform: %s}
        repositories:
          - name: acme/sales-analytics
            provider: github
            url: file://%s
            deploy:
              - {environment: dev, branch: main}
        """.formatted(CompileCommandTest.ROOT.resolve("platform/dev/platform.yaml"), bare));
  }

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new RollbackCommand(Map.of()));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void rendersTheChosenCommitWithRollbackTrailers() throws Exception {
    Run r = run("--repository", "acme/sales-analytics", "--env", "dev", "--to", first, "--config", config.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("rolled back acme/sales-analytics dev to " + first);
    String message = git(bare, "log", "-1", "--format=%B", "deploy/dev");
    assertThat(message).contains("Floe-Source-Commit: " + first).contains("Floe-Rollback: true")
        .contains("Floe-Delivery: rollback");
    git(bare, "fsck", "--full", "--strict");
  }

  @Test
  void unknownRepositoryOrEnvironmentFailsWithoutACommit() throws Exception {
    Run r = run("--repository", "acme/other", "--env", "dev", "--to", first, "--config", config.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("not served");
    Run e = run("--repository", "acme/sales-analytics", "--env", "prod", "--to", first, "--config", config.toString());
    assertThat(e.exit()).isEqualTo(1);
    assertThat(git(bare, "branch", "--list", "deploy/*")).isBlank();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("--repository", "acme/sales-analytics", "--env", "dev", "--to", "abc", "--config", config.toString()).err())
        .contains("full 40-hex");
    assertThat(run("--repository", "acme/sales-analytics", "--env", "dev", "--to", first,
        "--config", tmp.resolve("missing.yaml").toString()).exit()).isEqualTo(2);
    assertThat(run("--env", "dev", "--to", first).exit()).isEqualTo(2);
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }
}
