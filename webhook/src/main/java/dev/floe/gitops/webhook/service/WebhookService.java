package dev.floe.gitops.webhook.service;

import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.config.OrganizationConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.runtime.lifecycle.Component;
import dev.floe.gitops.runtime.lifecycle.ServiceRuntime;
import dev.floe.gitops.runtime.management.Readiness;
import dev.floe.gitops.runtime.secrets.SecretRef;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretValue;
import dev.floe.gitops.runtime.tracing.Tracing;
import dev.floe.gitops.webhook.event.EventRecord;
import dev.floe.gitops.webhook.event.EventRecordCodec;
import dev.floe.gitops.webhook.queue.DeadLetterGauge;
import dev.floe.gitops.webhook.queue.EventConsumerLoop;
import dev.floe.gitops.webhook.queue.EventProcessor;
import dev.floe.gitops.webhook.queue.EventPublisher;
import dev.floe.gitops.webhook.queue.ExponentialBackoff;
import dev.floe.gitops.webhook.queue.Published;
import dev.floe.gitops.webhook.queue.QueueSettings;
import dev.floe.gitops.webhook.queue.QueueStartup;
import dev.floe.gitops.webhook.queue.QueueUnavailable;
import dev.floe.gitops.webhook.queue.WorkerInstanceId;
import dev.floe.gitops.webhook.receiver.ReceiverSettings;
import dev.floe.gitops.webhook.receiver.RecentDeliveries;
import dev.floe.gitops.webhook.receiver.ServedRepositories;
import dev.floe.gitops.webhook.receiver.WebhookReceiver;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.UnaryOperator;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code floe-gitops serve}'s components, registered with the runtime in start order (the runtime
 * stops them in reverse): queue (embedded broker or cluster, topics) → publisher → consumer loop
 * with the worker → webhook receiver. So on SIGTERM the receiver stops taking deliveries first, the
 * worker hands back what is in flight, the publisher flushes, and the broker stops last.
 */
public final class WebhookService {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);

  private final ServiceRuntime runtime;
  private final GitopsConfig config;
  private final EventProcessorFactory processors;
  private final String host;
  private final WebhookReceiver receiver;
  private final Tracing tracing;
  private final ServedRepositories served;
  private final ConfigUpdates updates = new ConfigUpdates();
  private final PartitionAssignments assignments = new PartitionAssignments();

  private volatile QueueStartup.StartedQueue queue;
  private volatile DeadLetterGauge dlqGauge;
  private volatile EventPublisher publisher;
  private volatile String consumerDeployment;

  private WebhookService(ServiceRuntime runtime, GitopsConfig config,
      EventProcessorFactory processors, String host, UnaryOperator<Router> extraRoutes, Tracing tracing) {
    this.runtime = runtime;
    this.tracing = tracing;
    this.served = new ServedRepositories(config);
    this.config = config;
    this.processors = processors;
    this.host = host;
    this.receiver = new WebhookReceiver(runtime.vertx(), receiverSettings(), extraRoutes);
  }

  /**
   * Registers the service's components with {@code runtime}; start them with {@code
   * runtime.start()}.
   *
   * @param host the traffic port's interface: {@code 0.0.0.0} in a pod
   */
  public static WebhookService register(ServiceRuntime runtime, GitopsConfig config,
      EventProcessorFactory processors, String host) {
    return register(runtime, config, processors, host, UnaryOperator.identity(), Tracing.noop());
  }

  /** As above, with more routes on the traffic server (the report pages of status checks). */
  public static WebhookService register(ServiceRuntime runtime, GitopsConfig config,
      EventProcessorFactory processors, String host, UnaryOperator<Router> extraRoutes) {
    return register(runtime, config, processors, host, extraRoutes, Tracing.noop());
  }

  /** As above, with one trace per event: receive → produce → consume → the worker's steps. */
  public static WebhookService register(ServiceRuntime runtime, GitopsConfig config,
      EventProcessorFactory processors, String host, Tracing tracing) {
    return register(runtime, config, processors, host, UnaryOperator.identity(), tracing);
  }

  /** With report routes and tracing. */
  public static WebhookService register(ServiceRuntime runtime, GitopsConfig config,
      EventProcessorFactory processors, String host, UnaryOperator<Router> extraRoutes, Tracing tracing) {
    WebhookService service = new WebhookService(runtime, config, processors, host, extraRoutes, tracing);
    runtime.lifecycle()
        .register(Component.of("queue", service::startQueue, service::stopQueue))
        .register(Component.of("publisher", service::startPublisher, service::stopPublisher))
        .register(Component.of("worker", service::startWorker, service::stopWorker))
        .register(service.receiver.withReadiness(runtime.health()));
    return service;
  }

  public WebhookReceiver receiver() {
    return receiver;
  }

  /**
   * Applies a reloaded configuration's {@code repositories} and {@code organizations} without a
   * restart: the receiver serves them from the next delivery, the worker routes by them from the
   * next event. Other keys take effect at the next restart.
   */
  public void applyRepositories(GitopsConfig reloaded) {
    served.replace(reloaded);
    updates.publish(reloaded);
    LOG.info("configuration reloaded: now serving {} repositories and {} organizations",
        reloaded.repositories().size(), reloaded.organizations().size());
  }

  private ReceiverSettings receiverSettings() {
    SecretResolver secrets = runtime.secrets();
    return new ReceiverSettings(host, config.server().port(), config.server().maxBodyBytes(),
        served, ref -> lookup(secrets, ref), this::publish,
        runtime.metrics(), Clock.systemUTC(), RecentDeliveries.DEFAULT_CAPACITY, tracing);
  }

  private static Optional<SecretValue> lookup(SecretResolver secrets, SecretRef ref) {
    return secrets.lookup(ref) instanceof SecretResolver.Resolved resolved
        ? Optional.of(resolved.value()) : Optional.empty();
  }

  /** The receiver's sink; before the publisher exists (it starts first) the queue is unavailable. */
  private Future<Published> publish(EventRecord record) {
    EventPublisher p = publisher;
    return p == null
        ? Future.failedFuture(new QueueUnavailable("the publisher is not running", null))
        : p.publish(record);
  }

  private Future<Void> startQueue() {
    Vertx vertx = runtime.vertx();
    runtime.health().register("queue", () -> queue != null
        ? Readiness.READY : Readiness.notReady("queue not started"));
    return vertx.executeBlocking(() -> {
      warnAboutMissingSecrets();
      String instance = WorkerInstanceId.fromDataDir(config.dataDir());
      return QueueSettingsFactory.from(config, instance, runtime.secrets()::require);
    }).compose(settings -> QueueStartup.start(vertx, settings, config.dataDir(),
        !config.profile().isLocal()))
        .map(started -> {
          queue = started;
          // floe.dlq.size: what waits in the dead-letter topic, queried off the event loop
          dlqGauge = DeadLetterGauge.start(vertx, started.settings(), runtime.metrics(),
              DeadLetterGauge.DEFAULT_PERIOD);
          return null;
        });
  }

  private Future<Void> stopQueue() {
    DeadLetterGauge gauge = dlqGauge;
    dlqGauge = null;
    Future<Void> gaugeClosed = gauge == null ? Future.succeededFuture()
        : gauge.close(runtime.vertx()).otherwiseEmpty();
    QueueStartup.StartedQueue q = queue;
    return gaugeClosed.compose(v -> q == null ? Future.succeededFuture() : q.close(runtime.vertx()));
  }

  private Future<Void> startPublisher() {
    publisher = EventPublisher.create(runtime.vertx(), queue.settings(), new EventRecordCodec());
    return Future.succeededFuture();
  }

  private Future<Void> stopPublisher() {
    EventPublisher p = publisher;
    publisher = null;
    return p == null ? Future.succeededFuture() : p.close();
  }

  private Future<Void> startWorker() {
    QueueSettings settings = queue.settings();
    EventMetrics events = new EventMetrics(runtime.metrics());
    EventProcessor processor = processors.create(new ProcessorContext(runtime.vertx(), config,
        runtime.secrets(), runtime.metrics(), runtime.health(), tracing, events, updates, assignments));
    return runtime.vertx()
        .deployVerticle(new EventConsumerLoop(settings, processor, ExponentialBackoff.of(settings))
            .tracing(tracing)
            .assignments(assignments::publish)
            // half the grace period for events in flight; the rest for commits and closing
            .drainTimeout(config.shutdown().gracePeriod().dividedBy(2))
            .metrics(runtime.metrics(), outcome -> {
              events.event(outcome);
              if (outcome.equals("dead_lettered")) {
                events.deadLettered();
              }
            }))
        .map(id -> {
          consumerDeployment = id;
          return null;
        });
  }

  private Future<Void> stopWorker() {
    String id = consumerDeployment;
    return id == null ? Future.succeededFuture() : runtime.vertx().undeploy(id);
  }

  /**
   * A webhook secret that does not resolve makes its repository answer 401 to every delivery: say
   * so at start, naming the reference and where it was looked for (never a value).
   */
  private void warnAboutMissingSecrets() {
    Set<SecretRef> refs = new LinkedHashSet<>();
    for (RepositoryConfig r : config.repositories()) {
      r.webhookSecret().ifPresent(refs::add);
    }
    for (OrganizationConfig o : config.organizations()) {
      refs.add(o.webhookSecret());
    }
    for (SecretRef ref : refs) {
      if (runtime.secrets().lookup(ref) instanceof SecretResolver.Missing missing) {
        LOG.warn("webhook secret '{}' does not resolve (looked at {}); deliveries it should verify"
            + " are answered 401 until it does", ref.name(), String.join(", ", missing.lookedAt()));
      }
    }
  }
}
