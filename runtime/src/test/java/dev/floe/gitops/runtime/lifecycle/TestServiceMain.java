package dev.floe.gitops.runtime.lifecycle;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.floe.gitops.runtime.management.HealthRegistry;
import dev.floe.gitops.runtime.management.JvmMetrics;
import dev.floe.gitops.runtime.management.ManagementServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** A minimal service process for {@link ProcessShutdownTest}: management server + a worker, then "ready <port>". */
public final class TestServiceMain {

    private TestServiceMain() {}

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger("test-service");
        Vertx vertx = Vertx.vertx();
        HealthRegistry health = new HealthRegistry();
        ServiceLifecycle lifecycle = new ServiceLifecycle(vertx, Duration.ofSeconds(20), health);
        ManagementServer management = new ManagementServer(vertx, "127.0.0.1", 0, JvmMetrics.prometheusRegistry(), health);
        lifecycle.register(Component.of("worker", Future::succeededFuture, () -> {
            log.info("worker draining");
            // Stopping takes a moment, as a real consumer committing offsets would.
            return vertx.timer(200).mapEmpty();
        }));
        lifecycle.register(management);
        lifecycle.start().await();
        ShutdownHook.install(lifecycle, Runtime.getRuntime(), Runtime.getRuntime()::halt);
        System.out.println("ready " + management.actualPort());
        System.out.flush();
    }
}
