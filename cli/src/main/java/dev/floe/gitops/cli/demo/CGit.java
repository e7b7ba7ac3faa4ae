package dev.floe.gitops.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** C git in one folder, as a developer would run it; the demo's stand-in for a person at a terminal. */
record CGit(Path dir) {

  /** Fails with a clear message when git is missing, before anything starts. */
  static String version() throws Progress.StepFailed {
    try {
      return new CGit(Path.of("").toAbsolutePath()).run("--version").trim();
    } catch (Progress.StepFailed e) {
      throw new Progress.StepFailed("the demo needs C git on the PATH (git --version failed: " + e.getMessage() + ")");
    }
  }

  String run(String... args) throws Progress.StepFailed {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    // the user's own git configuration must not change the demo (signing hooks, templates, default branch)
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_AUTHOR_NAME", "Dana Data");
    env.put("GIT_AUTHOR_EMAIL", "dana@example.com");
    env.put("GIT_COMMITTER_NAME", "Dana Data");
    env.put("GIT_COMMITTER_EMAIL", "dana@example.com");
    try {
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new Progress.StepFailed("git " + String.join(" ", args) + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new Progress.StepFailed("git " + String.join(" ", args) + " failed: " + output.trim());
      }
      return output;
    } catch (IOException e) {
      throw new Progress.StepFailed("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Progress.StepFailed("interrupted while running git", e);
    }
  }
}
