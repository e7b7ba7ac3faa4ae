package dev.floe.gitops.webhook.receiver;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The receiver's success bodies (errors go through runtime's ErrorResponses). */
final class Answers {

  private Answers() {}

  static void queued(RoutingContext ctx, String delivery) {
    json(ctx, 202, new JsonObject().put("delivery", delivery).put("status", "queued"));
  }

  static void duplicate(RoutingContext ctx, String delivery) {
    json(ctx, 202, new JsonObject().put("delivery", delivery).put("status", "duplicate"));
  }

  static void ignored(RoutingContext ctx, String reason) {
    json(ctx, 202, new JsonObject().put("status", "ignored").put("reason", reason));
  }

  static void pong(RoutingContext ctx) {
    json(ctx, 200, new JsonObject().put("status", "pong"));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().headWritten()) {
      return;
    }
    ctx.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.encode());
  }
}
