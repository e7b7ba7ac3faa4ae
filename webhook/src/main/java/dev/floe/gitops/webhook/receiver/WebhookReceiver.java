package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.lifecycle.Component;
import dev.floe.gitops.runtime.management.HealthRegistry;
import dev.floe.gitops.runtime.management.Readiness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The traffic port's HTTP server for webhooks, as a lifecycle component. */
public final class WebhookReceiver implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
  static final int IDLE_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final ReceiverSettings settings;
  private final UnaryOperator<Router> extraRoutes;
  private volatile HttpServer server;
  private volatile boolean stopping;

  public WebhookReceiver(Vertx vertx, ReceiverSettings settings) {
    this(vertx, settings, UnaryOperator.identity());
  }

  /** With more routes on the same traffic server (the report pages under {@code /reports}). */
  public WebhookReceiver(Vertx vertx, ReceiverSettings settings, UnaryOperator<Router> extraRoutes) {
    this.vertx = vertx;
    this.settings = settings;
    this.extraRoutes = extraRoutes;
  }

  /** Ready once listening and until shutdown starts. */
  public WebhookReceiver withReadiness(HealthRegistry health) {
    health.register(name(), () -> server != null && !stopping
        ? Readiness.READY : Readiness.notReady(stopping ? "stopping" : "not listening yet"));
    return this;
  }

  @Override
  public String name() {
    return "webhook-receiver";
  }

  @Override
  public Future<Void> start() {
    // Hosts send a delivery in one go: a connection silent for a minute is dropped, so idle or
    // trickling clients cannot hold connections (and body buffers) open indefinitely.
    return vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(IDLE_TIMEOUT_SECONDS))
        .requestHandler(extraRoutes.apply(WebhookRoutes.router(vertx, settings)))
        .listen(settings.port(), settings.host())
        .map(s -> {
          server = s;
          LOG.info("webhook receiver listening on {}:{}", settings.host(), s.actualPort());
          return null;
        });
  }

  @Override
  public Future<Void> stop() {
    stopping = true;
    HttpServer s = server;
    return s == null ? Future.succeededFuture() : s.close();
  }

  public int actualPort() {
    HttpServer s = server;
    if (s == null) {
      throw new IllegalStateException("webhook receiver is not started");
    }
    return s.actualPort();
  }
}
