package dev.floe.gitops.runtime.lifecycle;

import java.util.Map;
import java.util.Optional;

import dev.floe.gitops.runtime.config.GitopsConfig;
import dev.floe.gitops.runtime.management.HealthRegistry;
import dev.floe.gitops.runtime.management.JvmMetrics;
import dev.floe.gitops.runtime.management.ManagementServer;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretResolvers;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * What every server process shares, wired once in {@code main}: the one Vert.x instance, the health
 * registry, the metrics registry, the lifecycle (with the management server registered first, so it
 * stops last and probes keep answering while the rest drains) and the secret resolver.
 */
public final class ServiceRuntime {

    /** Probes come from the kubelet on the pod IP, so the management port listens on every interface. */
    public static final String MANAGEMENT_HOST = "0.0.0.0";

    private final Vertx vertx;
    private final HealthRegistry health;
    private final PrometheusMeterRegistry metrics;
    private final ServiceLifecycle lifecycle;
    private final ManagementServer management;
    private final SecretResolver secrets;

    private ServiceRuntime(Vertx vertx, HealthRegistry health, PrometheusMeterRegistry metrics, ServiceLifecycle lifecycle,
                           ManagementServer management, SecretResolver secrets) {
        this.vertx = vertx;
        this.health = health;
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.management = management;
        this.secrets = secrets;
    }

    /** {@code environment} is the process environment handed down by main (for secret references). */
    public static ServiceRuntime create(GitopsConfig config, Map<String, String> environment) {
        return create(config, environment, MANAGEMENT_HOST);
    }

    public static ServiceRuntime create(GitopsConfig config, Map<String, String> environment, String managementHost) {
        Vertx vertx = Vertx.vertx();
        HealthRegistry health = new HealthRegistry();
        PrometheusMeterRegistry metrics = JvmMetrics.prometheusRegistry();
        ServiceLifecycle lifecycle = new ServiceLifecycle(vertx, config.shutdown().gracePeriod(), health);
        ManagementServer management = new ManagementServer(vertx, managementHost, config.management().port(), metrics, health);
        lifecycle.register(management);
        Optional<KubernetesClient> kubernetes = Optional.empty();
        if (config.kubernetes().secrets()) {
            KubernetesClient client = SecretResolvers.inClusterClient(vertx);
            kubernetes = Optional.of(client);
            // Closed after the service's own components, which may still resolve secrets while stopping.
            lifecycle.register(Component.of("kubernetes-client", Future::succeededFuture, () -> {
                client.close();
                return Future.succeededFuture();
            }));
        }
        SecretResolver secrets = SecretResolvers.fromConfig(config, environment, kubernetes);
        return new ServiceRuntime(vertx, health, metrics, lifecycle, management, secrets);
    }

    public Vertx vertx() { return vertx; }

    public HealthRegistry health() { return health; }

    public PrometheusMeterRegistry metrics() { return metrics; }

    public ServiceLifecycle lifecycle() { return lifecycle; }

    public ManagementServer management() { return management; }

    public SecretResolver secrets() { return secrets; }

    /** Register the service's components before calling this. */
    public Future<Void> start() {
        return lifecycle.start();
    }

    /** SIGTERM → orderly shutdown → halt with the outcome's exit code. */
    public void installShutdownHook() {
        ShutdownHook.install(lifecycle, Runtime.getRuntime(), Runtime.getRuntime()::halt);
    }
}
