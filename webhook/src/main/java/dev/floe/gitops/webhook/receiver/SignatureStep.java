package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.http.BodyLimit;
import dev.floe.gitops.runtime.http.ContentTypes;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs after the body limit and the content type: the name read and the signature check, off the
 * event loop (secret lookups may touch files or the Kubernetes API, an HMAC over a large body takes
 * milliseconds). Passes the verified request on, or fails with 401/403.
 */
final class SignatureStep implements Handler<RoutingContext> {

  static final String REQUEST = "floe.webhook.request";
  static final String VERIFIED = "floe.webhook.verified";

  private final Vertx vertx;
  private final ProviderAdapter adapter;
  private final Authenticator authenticator;

  SignatureStep(Vertx vertx, ProviderAdapter adapter, Authenticator authenticator) {
    this.vertx = vertx;
    this.adapter = adapter;
    this.authenticator = authenticator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    WebhookRequest request = new WebhookRequest(ctx.request().headers(),
        BodyLimit.body(ctx).getBytes(), ContentTypes.mediaType(ctx));
    // Unordered: deliveries do not wait on each other's HMACs.
    vertx.executeBlocking(() -> authenticator.authenticate(adapter, request), false)
        .onSuccess(verification -> {
          if (verification instanceof Verification.Refused refused) {
            ctx.fail(refused.problem());
          } else {
            ctx.put(REQUEST, request);
            ctx.put(VERIFIED, verification);
            ctx.next();
          }
        })
        .onFailure(ctx::fail);
  }
}
