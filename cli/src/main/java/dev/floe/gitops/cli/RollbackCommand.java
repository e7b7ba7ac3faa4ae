package dev.floe.gitops.cli;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.lifecycle.ExitCode;
import dev.floe.gitops.runtime.secrets.SecretResolvers;
import dev.floe.gitops.webhook.worker.DeployOutcome;
import dev.floe.gitops.webhook.worker.WorkerService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code floe-gitops rollback}: the one deliberate way back (SPEC §4). Renders the chosen source
 * commit onto the environment's deploy branch with {@code Floe-Rollback: true}; the environment
 * stays pinned there until a push brings a source commit other than the one rolled back from.
 */
@Command(name = "rollback", sortOptions = false,
    description = "Deploy an earlier source commit to one environment and pin it there until a new push.")
final class RollbackCommand implements Callable<Integer> {

  private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--repository", required = true, paramLabel = "NAME", description = "Served repository (its configured name).")
  String repository;

  @Option(names = "--env", required = true, paramLabel = "NAME", description = "Environment to roll back.")
  String environment;

  @Option(names = "--to", required = true, paramLabel = "SHA", description = "Full 40-hex source commit to deploy.")
  String sha;

  @Option(names = "--config", paramLabel = "FILE", description = "floe-gitops.yaml (default: $FLOE_GITOPS_CONFIG).")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder holding the mirrors (default from the configuration).")
  Path dataDir;

  private final Map<String, String> environmentVariables;

  RollbackCommand() {
    this(System.getenv());
  }

  RollbackCommand(Map<String, String> environmentVariables) {
    this.environmentVariables = environmentVariables;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!FULL_SHA.matcher(sha).matches()) {
      err.println("floe-gitops rollback: --to must be a full 40-hex commit id (lower case)");
      return ExitCode.USAGE.code();
    }
    Map<String, String> flags = new LinkedHashMap<>();
    if (dataDir != null) {
      flags.put("dataDir", dataDir.toAbsolutePath().toString());
    }
    ConfigLoadResult result = new ConfigLoader(new PolicyConfigScanner(PolicyEngine.defaults()))
        .load(configFile(), environmentVariables, flags, Path.of("").toAbsolutePath());
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      err.println(invalid.report());
      return ExitCode.USAGE.code();
    }
    GitopsConfig cfg = ((ConfigLoadResult.Loaded) result).config();
    ExecutorService git = Executors.newSingleThreadExecutor();
    try (WorkerService worker = WorkerService.fromConfig(cfg,
        SecretResolvers.fromConfig(cfg, environmentVariables, Optional.empty()), git)) {
      DeployOutcome outcome = worker.rollback(repository, environment, sha);
      return report(outcome, out, err);
    } finally {
      git.shutdownNow();
    }
  }

  private int report(DeployOutcome outcome, PrintWriter out, PrintWriter err) {
    String where = repository + " " + environment;
    if (outcome instanceof DeployOutcome.Deployed d) {
      out.println("rolled back " + where + " to " + sha + ": deploy commit " + d.commit().name()
          + "; pinned until a push brings another source commit");
      return ExitCode.OK.code();
    }
    if (outcome instanceof DeployOutcome.Unchanged) {
      out.println(where + " already deploys " + sha + "; nothing to do");
      return ExitCode.OK.code();
    }
    err.println("floe-gitops rollback: " + where + " not rolled back: " + outcome);
    return ExitCode.FAILURE.code();
  }

  private Optional<Path> configFile() {
    if (config != null) {
      return Optional.of(config);
    }
    String fromEnv = environmentVariables.get("FLOE_GITOPS_CONFIG");
    return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv));
  }
}
