package dev.floe.gitops.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's root, so benchmarks read the same samples the tests use. */
final class BenchPaths {
  private BenchPaths() {}

  static Path repositoryRoot() {
    String configured = System.getProperty("floe.repo.root");
    Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("test-repos")) && Files.isDirectory(p.resolve("platform"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root (test-repos/ and platform/) above " + start
        + "; run from the checkout or pass -Dfloe.repo.root=DIR");
  }
}
