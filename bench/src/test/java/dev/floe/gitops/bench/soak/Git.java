package dev.floe.gitops.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** C git in one folder, with a fixed identity and no user or system configuration: the data engineer's side. */
record Git(Path dir) {

  String run(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Soak Driver",
        "-c", "user.email=soak@floe.invalid", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
    pb.environment().put("HOME", dir.toString());
    try {
      Process process = pb.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " timed out");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + text);
      }
      return text.trim();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }
}
