package dev.floe.gitops.cli;

import dev.floe.gitops.cli.demo.Demo;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code floe-gitops demo}: push, webhook, Kafka, worker, deploy branch, a refused PR and an admission denial, in one
 * process on loopback ports. Exit 0 when every step did what it shows, 1 at the first that did not, 2 for bad flags.
 */
@Command(
    name = "demo",
    description = "Show the whole flow locally: a push deployed to deploy/local, a broken PR refused, an inline secret "
        + "denied at admission.",
    sortOptions = false)
final class DemoCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--repo-root", paramLabel = "DIR",
      description = "Checkout holding test-repos/ and platform/ (default: the working directory or the nearest parent with both).")
  Path repoRoot;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Scratch folder, deleted and recreated at start (default: <repo-root>/.floe-gitops/demo).")
  Path dataDir;

  @Option(names = "--keep", description = "Leave everything running and print commands to try, until Ctrl-C.")
  boolean keep;

  /** Off only for in-process tests: the hook halts the JVM, which must stay the test runner's. */
  boolean installShutdownHook = true;

  @Override
  public Integer call() {
    Optional<Path> root = repoRoot != null ? Optional.of(repoRoot.toAbsolutePath()) : Demo.findRepoRoot(Path.of(""));
    if (root.isEmpty()) {
      spec.commandLine().getErr().println("floe-gitops demo: no folder with test-repos/ and platform/ at or above "
          + Path.of("").toAbsolutePath() + "; run it from a floe-gitops checkout or pass --repo-root DIR");
      return 2;
    }
    Path data = dataDir != null ? dataDir.toAbsolutePath() : root.get().resolve(".floe-gitops/demo");
    return new Demo(spec.commandLine().getOut(), new Demo.Options(root.get(), data, keep, installShutdownHook)).run();
  }
}
