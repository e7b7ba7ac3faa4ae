package dev.floe.gitops.admission.handlers;

import dev.floe.gitops.admission.ReviewRequest;
import dev.floe.gitops.runtime.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * A span per admission review ({@code admission review}, SERVER, continuing the API server's
 * {@code traceparent} if it sends one), ended with the response: the object's kind, the operation
 * and the decision; never the object, its name or a finding's text. A no-op with tracing off.
 */
public final class TraceReview implements Handler<RoutingContext> {

    private final Tracing tracing;

    public TraceReview(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!tracing.enabled()) {
            ctx.next();
            return;
        }
        Span span = tracing.startFrom("admission review", SpanKind.SERVER, ctx.request().getHeader("traceparent"));
        ctx.addEndHandler(ar -> {
            ReviewRequest request = ReviewContext.request(ctx);
            if (request != null) {
                Tracing.set(span, Tracing.Attr.KIND, request.kind());
                Tracing.set(span, Tracing.Attr.OPERATION, request.operation().name());
            }
            String decision = ReviewContext.decision(ctx);
            Tracing.set(span, Tracing.Attr.OUTCOME, decision != null ? decision : RecordMetrics.label(ctx.response().getStatusCode()));
            span.end();
        });
        try (Scope ignored = span.makeCurrent()) {
            ctx.next();
        }
    }
}
