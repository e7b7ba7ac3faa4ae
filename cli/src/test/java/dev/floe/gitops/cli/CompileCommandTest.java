package dev.floe.gitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompileCommandTest {

  static final Path ROOT = Path.of(System.getProperty("floe.repo.root", "..")).toAbsolutePath().normalize();
  static final Path SALES = ROOT.resolve("test-repos/sales-analytics");
  static final Path LOCAL = ROOT.resolve("platform/local/platform.yaml");
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = FloeGitops.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void writesTheRenderedTreeAndPrintsEveryFile() throws Exception {
    Path out = tmp.resolve("out");
    Run r = run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local",
        "--out", out.toString(), "--source-commit", SHA);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(out.resolve("compiled_artifacts.json")).isRegularFile();
    assertThat(out.resolve("kustomization.yaml")).isRegularFile();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        assertThat(r.out()).contains("wrote " + f);
      }
    }
    assertThat(Files.readString(out.resolve("compiled_artifacts.json"))).contains(SHA);
  }

  @Test
  void acceptsTheFloeFileItselfAsWellAsItsFolder() throws Exception {
    Run byFile = run("compile", "--floe", SALES.resolve("floe.yaml").toString(), "--platform", LOCAL.toString(),
        "--env", "local", "--out", tmp.resolve("a").toString(), "--source-commit", SHA);
    Run byDir = run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(),
        "--env", "local", "--out", tmp.resolve("b").toString(), "--source-commit", SHA);
    assertThat(byFile.exit()).isZero();
    assertThat(byDir.exit()).isZero();
    assertThat(tree(tmp.resolve("a"))).isEqualTo(tree(tmp.resolve("b")));
  }

  @Test
  void checkWritesNothingAndSucceeds() {
    Run r = run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local", "--check",
        "--source-commit", SHA);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("nothing written");
    assertThat(r.out()).doesNotContain("wrote ");
  }

  @Test
  void replacesAnEarlierRenderButRefusesAForeignFolder() throws Exception {
    Path out = tmp.resolve("render");
    assertThat(run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local",
        "--out", out.toString(), "--source-commit", SHA).exit()).isZero();
    Files.writeString(out.resolve("stale.yaml"), "left over\n");
    assertThat(run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local",
        "--out", out.toString(), "--source-commit", SHA).exit()).isZero();
    assertThat(out.resolve("stale.yaml")).doesNotExist();

    Path foreign = tmp.resolve("home");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("thesis.tex"), "precious\n");
    Run r = run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local",
        "--out", foreign.toString(), "--source-commit", SHA);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("holds no earlier render");
    assertThat(foreign.resolve("thesis.tex")).hasContent("precious");
  }

  @Test
  void reportsValidationErrorsAsFileLineColumnAndExitsOne() throws Exception {
    Path repo = copyOfSales();
    String floe = Files.readString(repo.resolve("floe.yaml"));
    Files.writeString(repo.resolve("floe.yaml"), floe.replace("compute: default", "compute: fast"));
    Run r = run("compile", "--floe", repo.toString(), "--platform", LOCAL.toString(), "--env", "local", "--check",
        "--source-commit", SHA);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).containsPattern("floe\\.yaml:\\d+:\\d+: .*fast");
  }

  @Test
  void printsErrorsAsJsonWhenAsked() throws Exception {
    Path repo = copyOfSales();
    Files.writeString(repo.resolve("floe.yaml"), Files.readString(repo.resolve("floe.yaml")) + "bogus_key: 1\n");
    Run r = run("compile", "--floe", repo.toString(), "--platform", LOCAL.toString(), "--env", "local", "--check",
        "--format", "json", "--source-commit", SHA);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith("{\"ok\":false,\"errors\":[{\"file\":\"floe.yaml\",\"line\":");
    assertThat(r.out()).contains("bogus_key").contains("\"written\":[]");
  }

  @Test
  void usageErrorsExitTwoAndSayWhatToDo() {
    assertThat(run("compile", "--floe", tmp.resolve("missing").toString(), "--platform", LOCAL.toString(),
        "--env", "local", "--check").err()).contains("no floe.yaml at");
    assertThat(run("compile", "--floe", SALES.toString(), "--platform", tmp.resolve("nope.yaml").toString(),
        "--env", "local", "--check").exit()).isEqualTo(2);
    assertThat(run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local",
        "--check", "--source-commit", "abc").err()).contains("full 40-hex");
    assertThat(run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local",
        "--check", "--out", tmp.toString()).exit()).isEqualTo(2);
    assertThat(run("compile", "--floe", SALES.toString(), "--platform", LOCAL.toString(), "--env", "local").exit())
        .isEqualTo(2);
    assertThat(run("compile", "--bogus").exit()).isEqualTo(2);
  }

  @Test
  void outsideAGitWorkTreeTheSourceCommitIsWorkingTree() throws Exception {
    Path repo = copyOfSales();
    Run r = run("compile", "--floe", repo.toString(), "--platform", LOCAL.toString(), "--env", "local", "--check");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("from working-tree");
  }

  @Test
  void inAGitWorkTreeTheSourceCommitIsTheLastCommitThatChangedAnInput() throws Exception {
    Path repo = copyOfSales();
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "pipeline");
    String pipeline = git(repo, "rev-parse", "HEAD").trim();
    Files.writeString(repo.resolve("NOTES.txt"), "not an input\n");
    git(repo, "add", "NOTES.txt");
    git(repo, "commit", "-q", "-m", "notes");
    Path out = tmp.resolve("git-out");
    Run r = run("compile", "--floe", repo.toString(), "--platform", LOCAL.toString(), "--env", "local",
        "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("from " + pipeline);
    assertThat(Files.readString(out.resolve("compiled_artifacts.json"))).contains(pipeline);
  }

  private Path copyOfSales() throws Exception {
    Path target = tmp.resolve("sales-copy");
    try (Stream<Path> walk = Files.walk(SALES)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path dest = target.resolve(SALES.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    return target;
  }

  private static List<String> tree(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        out.add(dir.relativize(p) + "=" + Files.readString(p).hashCode());
      }
    }
    return out;
  }

  static String git(Path dir, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add("git");
    pb.command().addAll(List.of(args));
    pb.directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("GIT_AUTHOR_NAME", "t");
    pb.environment().put("GIT_AUTHOR_EMAIL", "t@example.invalid");
    pb.environment().put("GIT_COMMITTER_NAME", "t");
    pb.environment().put("GIT_COMMITTER_EMAIL", "t@example.invalid");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }
}
