package dev.floe.gitops.runtime.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.floe.gitops.runtime.management.HealthRegistry;
import dev.floe.gitops.runtime.management.Readiness;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Starts registered components in order and stops them in reverse, within one grace period for the
 * whole shutdown. It owns the process's single Vert.x instance and closes it last. While starting and
 * once shutting down it reports not ready under {@code lifecycle}, so traffic drains before servers close.
 */
public final class ServiceLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLifecycle.class);

    private enum State { NEW, STARTING, RUNNING, STOPPING }

    private final Vertx vertx;
    private final Duration gracePeriod;
    private final List<Component> components = new ArrayList<>();
    private final List<Component> started = new ArrayList<>();
    private volatile State state = State.NEW;
    private ExitCode reason = ExitCode.OK;
    private Future<ShutdownOutcome> shutdown;

    public ServiceLifecycle(Vertx vertx, Duration gracePeriod, HealthRegistry health) {
        this.vertx = vertx;
        this.gracePeriod = gracePeriod;
        health.register("lifecycle", () -> switch (state) {
            case RUNNING -> Readiness.READY;
            case STOPPING -> Readiness.notReady("shutting down");
            default -> Readiness.notReady("starting");
        });
    }

    public Vertx vertx() { return vertx; }

    public Duration gracePeriod() { return gracePeriod; }

    public synchronized ServiceLifecycle register(Component component) {
        if (state != State.NEW) throw new IllegalStateException("register components before start()");
        components.add(component);
        return this;
    }

    /** Starts every component in registration order; if one fails, stops those already started and fails. */
    public Future<Void> start() {
        List<Component> toStart;
        synchronized (this) {
            if (state != State.NEW) return Future.failedFuture(new IllegalStateException("already started"));
            state = State.STARTING;
            toStart = List.copyOf(components);
        }
        Future<Void> chain = Future.succeededFuture();
        for (Component c : toStart) {
            chain = chain.compose(v -> {
                LOG.info("starting {}", c.name());
                return c.start().onSuccess(x -> {
                    synchronized (this) { started.add(c); }
                    LOG.info("started {}", c.name());
                });
            });
        }
        return chain.transform(ar -> {
            if (ar.succeeded()) {
                synchronized (this) {
                    if (state == State.STARTING) state = State.RUNNING;
                }
                LOG.info("all components started");
                return Future.succeededFuture();
            }
            LOG.error("start failed: {}", ar.cause().toString());
            return shutdown(ExitCode.FAILURE).transform(x -> Future.failedFuture(ar.cause()));
        });
    }

    /**
     * Orderly shutdown, once: components stop in reverse order, each given what is left of the grace
     * period; then Vert.x closes. Later calls return the same outcome. {@code why} is the exit code the
     * process should end with if everything stops cleanly (OK for SIGTERM, FAILURE after a fatal error).
     */
    public synchronized Future<ShutdownOutcome> shutdown(ExitCode why) {
        reason = reason.worst(why);
        if (shutdown != null) return shutdown;
        state = State.STOPPING;
        LOG.info("shutdown started (grace period {}s)", gracePeriod.toSeconds());
        long deadline = System.nanoTime() + gracePeriod.toNanos();
        List<Component> toStop = new ArrayList<>(started);
        java.util.Collections.reverse(toStop);
        List<String> failed = new ArrayList<>();
        List<String> timedOut = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Component c : toStop) {
            chain = chain.transform(ignored -> stopOne(c, deadline, failed, timedOut));
        }
        Promise<ShutdownOutcome> outcome = Promise.promise();
        chain.onComplete(ignored -> {
            ShutdownOutcome result;
            synchronized (this) {
                result = failed.isEmpty() && timedOut.isEmpty() ? new ShutdownOutcome.Clean(reason)
                        : new ShutdownOutcome.Incomplete(failed, timedOut);
            }
            LOG.info("shutdown complete (exit code {})", result.exitCode().code());
            // Vert.x last: the components above used it to stop. Completing on a non-Vert.x thread
            // afterwards is fine: the promise does not need an event loop.
            vertx.close().onComplete(x -> outcome.complete(result));
        });
        shutdown = outcome.future();
        return shutdown;
    }

    private Future<Void> stopOne(Component c, long deadline, List<String> failed, List<String> timedOut) {
        // Once the grace period is used up (by a stuck component), the rest still get asked to stop,
        // with a short allowance each: releasing what can be released quickly beats skipping it.
        long remaining = Math.max(deadline - System.nanoTime(), Math.min(TimeUnit.SECONDS.toNanos(1), gracePeriod.toNanos() / 10));
        LOG.info("stopping {}", c.name());
        Future<Void> stop;
        try {
            stop = c.stop();
        } catch (RuntimeException e) {
            stop = Future.failedFuture(e);
        }
        return stop.timeout(remaining, TimeUnit.NANOSECONDS).transform(ar -> {
            if (ar.succeeded()) {
                LOG.info("stopped {}", c.name());
            } else if (ar.cause() instanceof java.util.concurrent.TimeoutException) {
                LOG.warn("{} did not stop within the grace period", c.name());
                synchronized (this) { timedOut.add(c.name()); }
            } else {
                LOG.warn("{} failed to stop: {}", c.name(), ar.cause().toString());
                synchronized (this) { failed.add(c.name()); }
            }
            return Future.succeededFuture();
        });
    }
}
