package dev.floe.gitops.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** The one writer of {@link HttpError} bodies. */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static Future<Void> write(HttpServerResponse response, int status, HttpError error) {
        if (response.headWritten()) return Future.succeededFuture(); // too late to change the answer
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(error.toJson().encode());
    }

    public static Future<Void> write(HttpServerResponse response, HttpProblem problem) {
        return write(response, problem.status(), problem.toError());
    }
}
