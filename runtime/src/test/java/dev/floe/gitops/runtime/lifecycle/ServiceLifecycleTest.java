package dev.floe.gitops.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.floe.gitops.runtime.management.HealthRegistry;
import dev.floe.gitops.runtime.management.Readiness;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

class ServiceLifecycleTest {

    final List<String> events = new CopyOnWriteArrayList<>();
    final HealthRegistry health = new HealthRegistry();

    Component recording(String name) {
        return Component.of(name, () -> { events.add("start " + name); return Future.succeededFuture(); },
                () -> { events.add("stop " + name); return Future.succeededFuture(); });
    }

    @Test
    void componentsStartInOrderAndStopInReverse() throws Exception {
        ServiceLifecycle lifecycle = new ServiceLifecycle(Vertx.vertx(), Duration.ofSeconds(10), health);
        lifecycle.register(recording("kafka")).register(recording("worker")).register(recording("http"));
        lifecycle.start().await(30, TimeUnit.SECONDS);
        assertThat(health.report().get("lifecycle")).isEqualTo(Readiness.READY);
        ShutdownOutcome outcome = lifecycle.shutdown(ExitCode.OK).await(30, TimeUnit.SECONDS);
        assertThat(events).containsExactly("start kafka", "start worker", "start http", "stop http", "stop worker", "stop kafka");
        assertThat(outcome).isEqualTo(new ShutdownOutcome.Clean(ExitCode.OK));
        assertThat(health.report().get("lifecycle")).isEqualTo(Readiness.notReady("shutting down"));
        assertThat(lifecycle.shutdown(ExitCode.OK).await(30, TimeUnit.SECONDS)).isSameAs(outcome); // once only
    }

    @Test
    void aComponentThatOverrunsTheGracePeriodDoesNotHoldUpTheOthers() throws Exception {
        ServiceLifecycle lifecycle = new ServiceLifecycle(Vertx.vertx(), Duration.ofMillis(300), health);
        Promise<Void> never = Promise.promise();
        lifecycle.register(recording("first")).register(Component.of("stuck", Future::succeededFuture, never::future));
        lifecycle.start().await(30, TimeUnit.SECONDS);
        ShutdownOutcome outcome = lifecycle.shutdown(ExitCode.OK).await(30, TimeUnit.SECONDS);
        assertThat(outcome).isEqualTo(new ShutdownOutcome.Incomplete(List.of(), List.of("stuck")));
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(events).contains("stop first");
    }

    @Test
    void aFailedStartStopsWhatAlreadyStartedAndFails() throws Exception {
        ServiceLifecycle lifecycle = new ServiceLifecycle(Vertx.vertx(), Duration.ofSeconds(10), health);
        AtomicInteger stopsOfBroken = new AtomicInteger();
        lifecycle.register(recording("kafka"))
                .register(Component.of("http", () -> Future.failedFuture(new IllegalStateException("port in use")),
                        () -> { stopsOfBroken.incrementAndGet(); return Future.succeededFuture(); }))
                .register(recording("never"));
        assertThatThrownBy(() -> lifecycle.start().await(30, TimeUnit.SECONDS)).hasMessageContaining("port in use");
        assertThat(events).containsExactly("start kafka", "stop kafka");
        assertThat(stopsOfBroken).hasValue(0);
        assertThat(lifecycle.shutdown(ExitCode.OK).await(30, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void theShutdownHookHaltsWithTheOutcomesExitCode() {
        ServiceLifecycle lifecycle = new ServiceLifecycle(Vertx.vertx(), Duration.ofSeconds(10), health);
        lifecycle.register(recording("only"));
        lifecycle.start().await();
        AtomicInteger halted = new AtomicInteger(-1);
        ShutdownHook.run(lifecycle, halted::set);
        assertThat(halted).hasValue(0);
        assertThat(events).containsExactly("start only", "stop only");
    }

    @Test
    void exitCodesAreStable() {
        assertThat(ExitCode.OK.code()).isZero();
        assertThat(ExitCode.FAILURE.code()).isEqualTo(1);
        assertThat(ExitCode.USAGE.code()).isEqualTo(2);
    }
}
