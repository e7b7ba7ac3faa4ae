package dev.floe.gitops.webhook.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs C git (the interop referee of the tests) in a folder, with a fixed identity and no user config. */
public final class CGit {

  private final Path dir;

  public CGit(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Runs git with the arguments; fails the test with git's output when it exits non-zero. */
  public String run(String... args) {
    Result r = tryRun(args);
    if (r.exit() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.output());
    }
    return r.output().trim();
  }

  public record Result(int exit, String output) {}

  public Result tryRun(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.addAll(List.of(args));
    return exec(dir, cmd);
  }

  public static Result exec(Path dir, List<String> cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("GIT_AUTHOR_NAME", "Data Engineer");
    pb.environment().put("GIT_AUTHOR_EMAIL", "de@example.com");
    pb.environment().put("GIT_COMMITTER_NAME", "Data Engineer");
    pb.environment().put("GIT_COMMITTER_EMAIL", "de@example.com");
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(cmd + " timed out");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
