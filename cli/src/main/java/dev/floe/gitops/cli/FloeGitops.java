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
    loggingDefaults(System.getProperties(), System.getenv());
    System.exit(newCommandLine().execute(args));
  }

  /** The log4j-api provider that needs no log4j-core: Kafka's broker asks log4j-api for a context at start. */
  static final String LOG4J_SIMPLE_CONTEXT = "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";

  /**
   * One-shot commands (compile, scan) speak through their output, not through logs: unless the
   * user asks otherwise, only warnings are logged, as readable text. Servers apply their configured
   * logging when they start (LoggingSetup).
   *
   * <p>The embedded Kafka broker touches log4j-api (its log-level MBean), which without log4j-core
   * printed a plain-text "ERROR StatusLogger Log4j2 could not find a logging implementation" on
   * every {@code serve} start: not JSON, and an ERROR that is none (the soak counted one per
   * restart). Kafka logs through SLF4J; the simple context only silences the lookup.
   */
  static void loggingDefaults(java.util.Properties properties, java.util.Map<String, String> environment) {
    if (properties.getProperty("floe.log.level") == null && environment.get("FLOE_LOG_LEVEL") == null) {
      properties.setProperty("floe.log.level", "WARN");
    }
    if (properties.getProperty("floe.log.format") == null && environment.get("FLOE_LOG_FORMAT") == null) {
      properties.setProperty("floe.log.format", "text");
    }
    if (properties.getProperty("log4j2.loggerContextFactory") == null) {
      properties.setProperty("log4j2.loggerContextFactory", LOG4J_SIMPLE_CONTEXT);
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
