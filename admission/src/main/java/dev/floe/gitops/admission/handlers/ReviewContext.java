package dev.floe.gitops.admission.handlers;

import dev.floe.gitops.admission.ExemptionScope;
import dev.floe.gitops.admission.ReviewRequest;
import io.vertx.ext.web.RoutingContext;

/** The typed values the handlers of {@code POST /validate} hand each other through the routing context. */
public final class ReviewContext {

    private static final String REQUEST = "floe.admission.request";
    private static final String SCOPE = "floe.admission.exemptions";
    private static final String DECISION = "floe.admission.decision";

    private ReviewContext() {}

    static void request(RoutingContext ctx, ReviewRequest request) { ctx.put(REQUEST, request); }

    /** The parsed review; null before {@link ParseReview} ran or when it rejected the body. */
    public static ReviewRequest request(RoutingContext ctx) { return ctx.get(REQUEST); }

    static void exemptions(RoutingContext ctx, ExemptionScope scope) { ctx.put(SCOPE, scope); }

    public static ExemptionScope exemptions(RoutingContext ctx) {
        ExemptionScope scope = ctx.get(SCOPE);
        return scope == null ? ExemptionScope.NONE : scope;
    }

    static void decision(RoutingContext ctx, String label) { ctx.put(DECISION, label); }

    /** allow | warn | deny | audit once a verdict was written; null otherwise. */
    public static String decision(RoutingContext ctx) { return ctx.get(DECISION); }
}
