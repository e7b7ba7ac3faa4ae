package dev.floe.gitops.admission.handlers;

import java.util.function.LongSupplier;

import dev.floe.gitops.admission.AdmissionMetrics;
import dev.floe.gitops.admission.ReviewRequest;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * First in the chain: counts every answer, including the 400s and 413s that never reach a verdict, and
 * times it from arrival to the end of the response.
 */
public final class RecordMetrics implements Handler<RoutingContext> {

    private final AdmissionMetrics metrics;
    private final LongSupplier nanoTime;

    public RecordMetrics(AdmissionMetrics metrics, LongSupplier nanoTime) {
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = nanoTime.getAsLong();
        ctx.addEndHandler(ar -> {
            ReviewRequest request = ReviewContext.request(ctx);
            String decision = ReviewContext.decision(ctx);
            if (decision == null) decision = label(ctx.response().getStatusCode());
            metrics.review(request == null ? "unknown" : request.operation().name(), request == null ? "" : request.kind(),
                    decision, nanoTime.getAsLong() - start);
        });
        ctx.next();
    }

    static String label(int status) {
        if (status == 413) return "too_large";
        if (status >= 400 && status < 500) return "bad_request";
        return "error";
    }
}
