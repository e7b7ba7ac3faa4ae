package dev.floe.gitops.admission.handlers;

import dev.floe.gitops.admission.Exemptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Handler;

/** Looks up the configured exemptions for the object's namespace and name (never from the object itself). */
public final class ApplyExemptions implements Handler<RoutingContext> {

    private final Exemptions exemptions;

    public ApplyExemptions(Exemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ReviewContext.exemptions(ctx, exemptions.scopeFor(ReviewContext.request(ctx)));
        ctx.next();
    }
}
