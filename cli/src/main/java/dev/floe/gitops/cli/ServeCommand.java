package dev.floe.gitops.cli;

import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.lifecycle.Component;
import dev.floe.gitops.runtime.lifecycle.ExitCode;
import dev.floe.gitops.runtime.lifecycle.ServiceRuntime;
import dev.floe.gitops.runtime.logging.LoggingSetup;
import dev.floe.gitops.webhook.service.EventProcessorFactory;
import dev.floe.gitops.webhook.status.StatusModule;
import dev.floe.gitops.webhook.worker.DeployWorkerFactory;
import dev.floe.gitops.webhook.service.WebhookService;
import io.vertx.core.Future;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code floe-gitops serve}: the webhook receiver, the queue and the worker in one process, with the
 * management port. Configuration: flags over {@code FLOE_GITOPS_*} variables over the file over
 * defaults (SPEC §9). Exit codes: 2 for a bad configuration (nothing started), 1 when a component
 * fails to start or the shutdown overruns, 0 after an orderly SIGTERM.
 */
@Command(
    name = "serve",
    description = "Run the webhook receiver, the event queue and the worker.",
    sortOptions = false)
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  static final String CONFIG_VARIABLE = "FLOE_GITOPS_CONFIG";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE",
      description = "floe-gitops.yaml. Default: $FLOE_GITOPS_CONFIG, else defaults and environment only.")
  Path config;

  @Option(names = "--port", paramLabel = "N", description = "Traffic port (server.port).")
  Integer port;

  @Option(names = "--management-port", paramLabel = "N", description = "Management port (management.port).")
  Integer managementPort;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (dataDir).")
  Path dataDir;

  /** How often the configuration file is checked for changes; tests shorten it. */
  java.time.Duration reloadInterval = java.time.Duration.ofSeconds(5);

  private final EventProcessorFactory processors;
  private final Map<String, String> environment;
  private final String host;

  /** The command as installed: events go to the deploy worker (two Git threads; the work is I/O-bound). */
  ServeCommand() {
    this(new DeployWorkerFactory(2, StatusModule::gateFor), System.getenv(), ServiceRuntime.MANAGEMENT_HOST);
  }

  ServeCommand(EventProcessorFactory processors, Map<String, String> environment, String host) {
    this.processors = processors;
    this.environment = environment;
    this.host = host;
  }

  /** A started service, or the exit code of a start that did not happen. */
  sealed interface Start permits Running, NotStarted {}

  record Running(ServiceRuntime runtime, WebhookService service) implements Start {}

  record NotStarted(ExitCode exitCode) implements Start {}

  @Override
  public Integer call() throws InterruptedException {
    Start start = start(spec.commandLine().getErr());
    if (start instanceof NotStarted notStarted) {
      return notStarted.exitCode().code();
    }
    ((Running) start).runtime().installShutdownHook();
    // The shutdown hook stops the components and halts with the outcome's exit code.
    new CountDownLatch(1).await();
    return ExitCode.OK.code();
  }

  /** Loads the configuration and starts every component; used by {@link #call} and by tests. */
  Start start(PrintWriter err) {
    ConfigLoadResult result = load();
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      err.println(invalid.report());
      err.flush();
      return new NotStarted(ExitCode.USAGE);
    }
    ConfigLoadResult.Loaded loaded = (ConfigLoadResult.Loaded) result;
    GitopsConfig gitops = loaded.config();
    LoggingSetup.apply(gitops.logging().format(), gitops.logging().level());
    loaded.warnings().forEach(LOG::warn);
    ServiceRuntime runtime;
    try {
      runtime = ServiceRuntime.create(gitops, environment);
    } catch (IllegalStateException e) {
      // e.g. kubernetes.secrets on without a namespace to read them from: a configuration error.
      err.println("floe-gitops serve: " + e.getMessage());
      err.flush();
      return new NotStarted(ExitCode.USAGE);
    }
    TracingSetup.Setup tracing = TracingSetup.fromEnvironment(environment);
    if (tracing.tracing().enabled()) {
      LOG.info("tracing on: spans go to the OTLP endpoint the OTEL_* variables name");
    }
    // registered first, so it stops last and flushes the spans of the other components' stops
    runtime.lifecycle().register(Component.of("tracing", Future::succeededFuture,
        () -> runtime.vertx().executeBlocking(() -> {
          tracing.close();
          return null;
        })));
    // statuses, PR comments and /reports around the worker (docs/status.md)
    // the same meter names as the worker's EventMetrics on the same registry, so failures add to one counter
    StatusModule statuses = new StatusModule(gitops, runtime.secrets(), java.time.Clock.systemUTC(),
        tracing.tracing(), new dev.floe.gitops.webhook.service.EventMetrics(runtime.metrics()));
    WebhookService service = WebhookService.register(runtime, gitops, statuses.around(processors), host,
        statuses::routes, tracing.tracing());
    try {
      runtime.start().toCompletionStage().toCompletableFuture()
          .get(gitops.shutdown().gracePeriod().toMillis() + 120_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.error("floe-gitops serve failed to start: {}", rootMessage(e));
      try {
        runtime.lifecycle().shutdown(ExitCode.FAILURE).toCompletionStage().toCompletableFuture()
            .get(gitops.shutdown().gracePeriod().toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (Exception stopFailed) {
        LOG.error("and did not stop cleanly: {}", rootMessage(stopFailed));
      }
      return new NotStarted(ExitCode.FAILURE);
    }
    configFile().ifPresent(file -> watch(runtime, service, file, gitops));
    LOG.info("floe-gitops serve is running (traffic port {}, management port {})",
        gitops.server().port(), gitops.management().port());
    return new Running(runtime, service);
  }

  /** Polls the configuration file; a changed {@code repositories} applies without a restart. */
  private void watch(ServiceRuntime runtime, WebhookService service, Path file, GitopsConfig gitops) {
    ConfigReloader reloader = new ConfigReloader(file, gitops, this::load, service::applyRepositories);
    long interval = Math.max(100, reloadInterval.toMillis());
    // on a worker thread: reading and validating the file must not hold an event loop
    runtime.vertx().setPeriodic(interval, id -> runtime.vertx().executeBlocking(reloader::check, true));
  }

  private ConfigLoadResult load() {
    return new ConfigLoader(new PolicyConfigScanner(PolicyEngine.defaults()))
        .load(configFile(), environment, flags(), Path.of("").toAbsolutePath());
  }

  private Optional<Path> configFile() {
    if (config != null) {
      return Optional.of(config);
    }
    return Optional.ofNullable(environment.get(CONFIG_VARIABLE)).filter(s -> !s.isBlank()).map(Path::of);
  }

  /** The flags as key paths, so they go through the same binding and validation as the file. */
  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    if (port != null) {
      flags.put("server.port", port.toString());
    }
    if (managementPort != null) {
      flags.put("management.port", managementPort.toString());
    }
    if (dataDir != null) {
      flags.put("dataDir", dataDir.toString());
    }
    return flags;
  }

  /** Exception texts can carry configuration values; the innermost class and message are enough. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
