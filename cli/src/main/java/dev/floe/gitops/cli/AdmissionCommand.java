package dev.floe.gitops.cli;

import dev.floe.gitops.admission.AdmissionMetrics;
import dev.floe.gitops.admission.AdmissionRoutes;
import dev.floe.gitops.admission.AdmissionServer;
import dev.floe.gitops.admission.tls.CertificateFiles;
import dev.floe.gitops.admission.tls.SelfSignedCertificates;
import dev.floe.gitops.policy.PolicyConfig;
import dev.floe.gitops.policy.PolicyConfigException;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import dev.floe.gitops.runtime.config.ConfigLoadResult;
import dev.floe.gitops.runtime.config.ConfigLoader;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.lifecycle.Component;
import dev.floe.gitops.runtime.lifecycle.ExitCode;
import dev.floe.gitops.runtime.lifecycle.ServiceRuntime;
import dev.floe.gitops.runtime.logging.LoggingSetup;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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
 * {@code floe-gitops admission}: the validating admission webhook. Flags become configuration overrides
 * (flag > environment > file > default), so the runtime's one loader reports every problem at once
 * and exits 2 before anything starts.
 */
@Command(
    name = "admission",
    description = "Serve the validating admission webhook (AdmissionReview v1 over HTTPS) that rejects inline secrets.",
    sortOptions = false)
final class AdmissionCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(AdmissionCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "HTTPS port (admission.port, default 8443).")
  Integer port;

  @Option(names = "--management-port", paramLabel = "PORT", description = "Management port for /healthz, /readyz, /metrics (default 8081).")
  Integer managementPort;

  @CommandLine.ArgGroup(exclusive = false, multiplicity = "0..1")
  Tls tls;

  static final class Tls {
    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "PEM serving certificate (chain); reloaded when it changes.")
    Path cert;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "PEM private key of --cert; reloaded with it.")
    Path key;
  }

  @Option(names = "--config", paramLabel = "FILE", description = "floe-gitops.yaml (default: $FLOE_GITOPS_CONFIG, else none).")
  Path config;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder; the generated self-signed pair goes here (default ./.floe-gitops).")
  Path dataDir;

  /** Off only for in-process tests: the hook halts the JVM, which must stay the test runner's. */
  boolean installShutdownHook = true;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> env = System.getenv();
    Path workingDir = Path.of("").toAbsolutePath();

    // The configuration is scanned by the same engine, with the built-in rules: the policy section is not read yet.
    ConfigLoadResult result = new ConfigLoader(new PolicyConfigScanner(PolicyEngine.defaults()))
        .load(configFile(env), env, flags(), workingDir);
    if (result instanceof ConfigLoadResult.Invalid invalid) {
      err.println(invalid.report());
      return ExitCode.USAGE.code();
    }
    ConfigLoadResult.Loaded loaded = (ConfigLoadResult.Loaded) result;
    GitopsConfig cfg = loaded.config();
    PolicyEngine engine;
    try {
      engine = new PolicyEngine(PolicyConfig.fromMap(cfg.policy()));
    } catch (PolicyConfigException e) {
      err.println("invalid policy configuration:");
      e.problems().forEach(p -> err.println("  " + p));
      return ExitCode.USAGE.code();
    }
    LoggingSetup.apply(cfg.logging().format(), cfg.logging().level());
    loaded.warnings().forEach(LOG::warn);

    AdmissionConfig admission = cfg.admission();
    CertificateFiles files;
    if (admission.certFile().isPresent()) {
      files = new CertificateFiles(admission.certFile().get(), admission.keyFile().orElseThrow());
    } else {
      try {
        SelfSignedCertificates.Generated generated = SelfSignedCertificates.ensure(cfg.dataDir(), Clock.systemUTC().instant());
        files = generated.files();
        out.println("CA bundle: " + generated.caBundle());
        out.flush();
      } catch (IOException e) {
        err.println("floe-gitops: cannot create the self-signed certificate in " + cfg.dataDir() + ": " + e.getMessage());
        return ExitCode.FAILURE.code();
      }
    }

    ServiceRuntime runtime = ServiceRuntime.create(cfg, env);
    AdmissionMetrics metrics = new AdmissionMetrics(runtime.metrics());
    TracingSetup.Setup tracing = TracingSetup.fromEnvironment(env);
    // registered first, so it stops last and flushes the spans of the last reviews
    runtime.lifecycle().register(Component.of("tracing", Future::succeededFuture,
        () -> runtime.vertx().executeBlocking(() -> {
          tracing.close();
          return null;
        })));
    AdmissionServer server = new AdmissionServer(runtime.vertx(), AdmissionServer.Listen.of(admission.port()),
        AdmissionRoutes.router(runtime.vertx(), admission, engine, metrics, tracing.tracing()), files, metrics,
        Clock.systemUTC());
    runtime.health().register("admission", server::readiness);
    runtime.lifecycle().register(server);
    try {
      runtime.start().await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("admission webhook failed to start: {}", e.getMessage());
      runtime.vertx().close();
      return ExitCode.FAILURE.code();
    }
    if (installShutdownHook) runtime.installShutdownHook(); // SIGTERM: orderly stop, then the hook halts with the outcome's code
    try {
      new CountDownLatch(1).await();
      return ExitCode.OK.code();
    } catch (InterruptedException e) {
      // In-process use (tests): an interrupt is the stop signal.
      ExitCode code = runtime.lifecycle().shutdown(ExitCode.OK).await(60, TimeUnit.SECONDS).exitCode();
      runtime.vertx().close();
      return code.code();
    }
  }

  private Optional<Path> configFile(Map<String, String> env) {
    if (config != null) return Optional.of(config);
    String fromEnv = env.get("FLOE_GITOPS_CONFIG");
    return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv));
  }

  /** Flags as configuration overrides; relative paths resolve against the working directory (SPEC §9). */
  Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    if (port != null) flags.put("admission.port", port.toString());
    if (managementPort != null) flags.put("management.port", managementPort.toString());
    if (tls != null) {
      flags.put("admission.certFile", tls.cert.toString());
      flags.put("admission.keyFile", tls.key.toString());
    }
    if (dataDir != null) flags.put("dataDir", dataDir.toString());
    return flags;
  }
}
