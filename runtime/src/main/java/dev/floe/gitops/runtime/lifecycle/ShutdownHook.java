package dev.floe.gitops.runtime.lifecycle;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

/**
 * Turns SIGTERM (and any System.exit) into an orderly {@link ServiceLifecycle#shutdown}. The JVM would
 * report 143 after SIGTERM however cleanly we stopped, so when the shutdown is done the hook flushes the
 * logs and halts with the outcome's exit code: 0 when every component stopped in time. Halting skips
 * hooks that have not run yet, which is why the logs are flushed here.
 */
public final class ShutdownHook {

    private ShutdownHook() {}

    /** {@code halt} is {@code Runtime.getRuntime()::halt} in production; a recorder in tests. */
    public static Thread install(ServiceLifecycle lifecycle, Runtime runtime, IntConsumer halt) {
        Thread hook = new Thread(() -> run(lifecycle, halt), "floe-shutdown");
        runtime.addShutdownHook(hook);
        return hook;
    }

    static void run(ServiceLifecycle lifecycle, IntConsumer halt) {
        ExitCode code;
        try {
            // A little beyond the grace period: the lifecycle enforces it per component; this only guards a hang in Vert.x's close.
            long waitMillis = lifecycle.gracePeriod().toMillis() + 5_000;
            code = lifecycle.shutdown(ExitCode.OK).toCompletionStage().toCompletableFuture()
                    .get(waitMillis, TimeUnit.MILLISECONDS).exitCode();
        } catch (Exception e) {
            code = ExitCode.FAILURE;
        }
        flushLogs();
        halt.accept(code.code());
    }

    private static void flushLogs() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) context.stop();
        System.out.flush();
        System.err.flush();
    }
}
