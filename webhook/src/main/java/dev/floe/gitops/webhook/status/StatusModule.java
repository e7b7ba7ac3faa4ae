package dev.floe.gitops.webhook.status;

import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.service.EventMetrics;
import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.service.EventProcessorFactory;
import dev.floe.gitops.webhook.worker.DeployWorker;
import dev.floe.gitops.webhook.worker.EnvironmentDeployer;
import io.vertx.ext.web.Router;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status checks for {@code serve}, built once from the configuration: the clients per repository, the report store,
 * the link signer. {@link #around} wraps the worker factory so every event is reported; {@link #routes} adds
 * {@code /reports/...} to a router of the traffic server.
 */
public final class StatusModule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusModule.class);

  private final GitopsConfig config;
  private final StatusClients clients;
  private final ReportStore reports = new ReportStore(2_000);
  /** Two renders at once (on the Vert.x worker pool): a burst of page views costs at most two compiles at a time. */
  private final OnDemandReports onDemand = new OnDemandReports(reports, this::previewMode, 2);
  private final Optional<LinkSigner> signer;
  private final ReportLinks links;
  private final ExecutorService statusExecutor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "floe-status");
    t.setDaemon(true);
    return t;
  });

  public StatusModule(GitopsConfig config, SecretResolver secrets, Clock clock) {
    this(config, secrets, clock, Tracing.noop(), EventMetrics.unregistered());
  }

  /** With a span per status call under the event's span, and failed calls counted on {@code metrics}. */
  public StatusModule(GitopsConfig config, SecretResolver secrets, Clock clock, Tracing tracing,
      EventMetrics metrics) {
    this.config = config;
    this.clients = new StatusClients(secrets, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        clock, EnvironmentDeployer.Sleeper.REAL, tracing, metrics);
    this.signer = config.reports().signingKey().flatMap(ref -> {
      if (secrets.lookup(ref) instanceof SecretResolver.Resolved r) {
        return Optional.of(new LinkSigner(r.value().bytes(), clock, config.reports().linkTtl()));
      }
      LOG.warn("report signing key '{}' does not resolve: statuses carry no report link", ref.name());
      return Optional.empty();
    });
    this.links = new ReportLinks(config.publicUrl(), signer);
  }

  /**
   * Deploy gates over this module's clients: statuses are read with the same token that posts them; a waiting head is
   * looked at again on Vert.x timers ({@link GateChecker#recheckAfter}).
   */
  public StatusGate gate(io.vertx.core.Vertx vertx) {
    return new StatusGate(config.environments(), clients::statuses, clients::forRepository, Clock.systemUTC(),
        new GateRechecks(GateRechecks.Timer.vertx(vertx), GateRechecks.Backoff.STANDARD));
  }

  /** For {@code DeployWorkerFactory}: a module per running service, built from its configuration and secrets. */
  public static dev.floe.gitops.webhook.worker.DeployGate gateFor(dev.floe.gitops.webhook.service.ProcessorContext context) {
    return new StatusModule(context.config(), context.secrets(), Clock.systemUTC(), context.tracing(), context.events())
        .gate(context.vertx());
  }

  public PreviewMode previewMode(String environment) {
    EnvironmentConfig env = config.environments().get(environment);
    return PreviewMode.of(env == null ? Optional.empty() : env.preview(), environment);
  }

  /** The worker factory with statuses around the processor it makes (anything but the deploy worker passes through). */
  public EventProcessorFactory around(EventProcessorFactory workers) {
    return context -> {
      EventProcessor inner = workers.create(context);
      if (!(inner instanceof DeployWorker worker)) {
        return inner;
      }
      onDemand.bind(worker::previewCommit);
      return new ReportingProcessor(new ReportingProcessor.Wiring(config.repositories(), worker::handle,
          clients::forRepository, this::previewMode, links, reports,
          // the event's span (current while process() runs) follows the tasks, so each status call's span is its child
          io.opentelemetry.context.Context.taskWrapping(ForkJoinPool.commonPool()),
          io.opentelemetry.context.Context.taskWrapping(statusExecutor), Duration.ofSeconds(10)));
    };
  }

  /** {@code /reports/...}; without a signing key every report link is refused (403), as no valid one can exist. */
  public Router routes(Router router) {
    LinkSigner verifying = signer.orElseGet(() -> new LinkSigner(new java.security.SecureRandom().generateSeed(32),
        Clock.systemUTC(), Duration.ZERO));
    return new ReportRoutes(onDemand, verifying).install(router);
  }

  /** What was recorded instead of posted for a repository without a token (the demo shows it). */
  public LocalStatusLog localLog(String repository) {
    return clients.localLog(repository);
  }

  public ReportStore reports() {
    return reports;
  }

  @Override
  public void close() {
    statusExecutor.shutdownNow();
  }
}
