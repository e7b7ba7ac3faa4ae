package dev.floe.gitops.runtime.management;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.floe.gitops.runtime.http.ErrorMapping;
import dev.floe.gitops.runtime.lifecycle.Component;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The plain-HTTP management port every server process exposes, separate from its traffic port:
 * {@code /healthz} (the process is alive), {@code /readyz} (every registered component is ready, else 503
 * with the reasons) and {@code /metrics} (Prometheus exposition from Micrometer).
 */
public final class ManagementServer implements Component {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final PrometheusMeterRegistry registry;
    private final HealthRegistry health;
    private volatile HttpServer server;

    /** {@code port} 0 picks a free port (tests); see {@link #actualPort()}. */
    public ManagementServer(Vertx vertx, String host, int port, PrometheusMeterRegistry registry, HealthRegistry health) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.registry = registry;
        this.health = health;
    }

    @Override
    public String name() { return "management"; }

    @Override
    public Future<Void> start() {
        Router router = ErrorMapping.install(Router.router(vertx));
        router.get("/healthz").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "alive")));
        router.get("/readyz").handler(this::readiness);
        router.get("/metrics").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT).end(registry.scrape()));
        return vertx.createHttpServer().requestHandler(router).listen(port, host).map(s -> {
            server = s;
            LOG.info("management server listening on {}:{}", host, s.actualPort());
            return null;
        });
    }

    @Override
    public Future<Void> stop() {
        HttpServer s = server;
        return s == null ? Future.succeededFuture() : s.close();
    }

    public int actualPort() {
        HttpServer s = server;
        if (s == null) throw new IllegalStateException("management server is not started");
        return s.actualPort();
    }

    private void readiness(RoutingContext ctx) {
        Map<String, Readiness> report = health.report();
        JsonObject components = new JsonObject();
        StringBuilder reasons = new StringBuilder();
        report.forEach((name, r) -> {
            JsonObject c = new JsonObject().put("ready", r.isReady());
            if (r instanceof Readiness.NotReady notReady) {
                c.put("reason", notReady.reason());
                if (reasons.length() > 0) reasons.append("; ");
                reasons.append(name).append(": ").append(notReady.reason());
            }
            components.put(name, c);
        });
        if (reasons.length() == 0) {
            json(ctx, 200, new JsonObject().put("status", "ready").put("components", components));
        } else {
            // The usual error shape, plus the per-component detail a person debugging a probe wants.
            json(ctx, 503, new JsonObject().put("status", "not_ready").put("components", components)
                    .put("error", new JsonObject().put("code", "not_ready").put("message", reasons.toString())));
        }
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body.encode());
    }
}
