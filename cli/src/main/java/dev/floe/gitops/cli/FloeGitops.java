package dev.floe.gitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code floe-gitops} command: the top floor that wires the libraries and services together. */
@Command(
    name = "floe-gitops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "GitOps control service for the Floe data platform.",
    subcommands = {DemoCommand.class, ServeCommand.class, AdmissionCommand.class, CompileCommand.class, ScanCommand.class,
        RollbackCommand.class, DlqCommand.class, VersionCommand.class,
        CommandLine.HelpCommand.class})
public final class FloeGitops implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    quietLoggingForCommands();
    System.exit(newCommandLine().execute(args));
  }

  /**
   * One-shot commands (compile, scan) speak through their output, not through logs: unless the
   * user asks otherwise, only warnings are logged, as readable text. Servers apply their configured
   * logging when they start (LoggingSetup).
   */
  private static void quietLoggingForCommands() {
    if (System.getProperty("floe.log.level") == null && System.getenv("FLOE_LOG_LEVEL") == null) {
      System.setProperty("floe.log.level", "WARN");
    }
    if (System.getProperty("floe.log.format") == null && System.getenv("FLOE_LOG_FORMAT") == null) {
      System.setProperty("floe.log.format", "text");
    }
  }

  /** Exit codes: 0 success, 1 validation or runtime failure, 2 usage or I/O error. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new FloeGitops());
    cl.setExitCodeExceptionMapper(e -> 2);
    cl.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("floe-gitops: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return 2;
    });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
