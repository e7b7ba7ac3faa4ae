package dev.floe.gitops.runtime.http;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Turns every failure into the one error shape: an {@link HttpProblem} keeps its status, code and
 * message; a bare status (404, 405, {@code ctx.fail(413)}) gets a generic message; any other exception is
 * a 500 whose body says only "internal error" and an id to find the log line: exception text can carry
 * data (even a secret), so it never reaches the client.
 */
public final class ErrorMapping implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** Installs the mapping as the failure handler of every route and for routing errors. Call before adding routes. */
    public static Router install(Router router) {
        ErrorMapping mapping = new ErrorMapping();
        router.route().failureHandler(mapping);
        for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) router.errorHandler(status, mapping);
        return router;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof HttpProblem problem) {
            ErrorResponses.write(ctx.response(), problem);
        } else if (failure instanceof HttpException http && http.getStatusCode() < 500) {
            ErrorResponses.write(ctx.response(), http.getStatusCode(), HttpError.forStatus(http.getStatusCode()));
        } else if (failure == null && ctx.statusCode() > 0 && ctx.statusCode() != 500) {
            ErrorResponses.write(ctx.response(), ctx.statusCode(), HttpError.forStatus(ctx.statusCode()));
        } else {
            String id = UUID.randomUUID().toString().substring(0, 8);
            if (failure != null) {
                LOG.error("request {} {} failed, error id {}", ctx.request().method(), ctx.request().path(), id, failure);
            } else {
                LOG.error("request {} {} failed with status {}, error id {}", ctx.request().method(), ctx.request().path(), ctx.statusCode(), id);
            }
            int status = ctx.statusCode() >= 500 ? ctx.statusCode() : 500;
            ErrorResponses.write(ctx.response(), status, new HttpError("internal_error", "internal error (id " + id + ")"));
        }
    }
}
