package dev.floe.gitops.runtime.lifecycle;

import java.util.function.Supplier;

import io.vertx.core.Future;

/** Something with a start and a stop, registered with {@link ServiceLifecycle} (servers, consumers, clients). */
public interface Component {

    String name();

    Future<Void> start();

    /** Stop taking work, finish or hand back what is in flight, release resources. */
    Future<Void> stop();

    static Component of(String name, Supplier<Future<Void>> start, Supplier<Future<Void>> stop) {
        return new Component() {
            @Override public String name() { return name; }
            @Override public Future<Void> start() { return start.get(); }
            @Override public Future<Void> stop() { return stop.get(); }
        };
    }
}
