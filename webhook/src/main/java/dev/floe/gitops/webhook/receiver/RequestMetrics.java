package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.webhook.event.Provider;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Counts every answer of a provider's endpoint by status, however it ended (413s included). */
final class RequestMetrics implements Handler<RoutingContext> {

  private final Provider provider;
  private final ReceiverMetrics metrics;

  RequestMetrics(Provider provider, ReceiverMetrics metrics) {
    this.provider = provider;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addEndHandler(ended -> metrics.answered(provider, ctx.response().getStatusCode()));
    ctx.next();
  }
}
