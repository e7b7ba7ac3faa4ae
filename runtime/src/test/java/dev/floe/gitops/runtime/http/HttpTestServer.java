package dev.floe.gitops.runtime.http;

import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** A loopback server on a free port with {@link ErrorMapping} installed, for the wrapper tests. */
final class HttpTestServer {

    private HttpTestServer() {}

    static HttpServer start(Vertx vertx, Consumer<Router> routes) {
        Router router = ErrorMapping.install(Router.router(vertx));
        routes.accept(router);
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    }
}
