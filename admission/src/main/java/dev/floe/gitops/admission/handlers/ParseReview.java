package dev.floe.gitops.admission.handlers;

import dev.floe.gitops.admission.ParseResult;
import dev.floe.gitops.admission.ReviewParser;
import dev.floe.gitops.runtime.http.BodyLimit;
import dev.floe.gitops.runtime.http.HttpProblem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Parses the body collected by {@link BodyLimit} into a review; a malformed one is a 400 naming the problem. */
public final class ParseReview implements Handler<RoutingContext> {

    private final ReviewParser parser;

    public ParseReview(ReviewParser parser) {
        this.parser = parser;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ParseResult result = parser.parse(BodyLimit.body(ctx).getBytes());
        if (result instanceof ParseResult.Parsed parsed) {
            ReviewContext.request(ctx, parsed.request());
            ctx.next();
        } else {
            ctx.fail(HttpProblem.badRequest(((ParseResult.Rejected) result).message()));
        }
    }
}
