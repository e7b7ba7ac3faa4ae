package dev.floe.gitops.webhook.receiver;

import dev.floe.gitops.runtime.http.BodyLimit;
import dev.floe.gitops.runtime.http.ContentTypes;
import dev.floe.gitops.runtime.http.ErrorMapping;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * {@code POST /hooks/<provider>} for each adapter, as a chain of small steps in SPEC §2's order:
 * metrics → body limit (413, while streaming) → content type (415) → name read and signature
 * (401/403) → event (400, 200 pong, 202 ignored/duplicate/queued, 503).
 */
public final class WebhookRoutes {

  private WebhookRoutes() {}

  public static List<ProviderAdapter> adapters() {
    return List.of(new GitHubAdapter(), new GitLabAdapter(), new GiteaAdapter(),
        new BitbucketAdapter());
  }

  public static Router router(Vertx vertx, ReceiverSettings settings) {
    Router router = ErrorMapping.install(Router.router(vertx));
    ReceiverMetrics metrics = new ReceiverMetrics(settings.metrics());
    Authenticator authenticator = new Authenticator(settings.served(), settings.secrets());
    RecordFactory records = new RecordFactory(settings.served());
    RecentDeliveries recent = new RecentDeliveries(settings.recentDeliveries());
    for (ProviderAdapter adapter : adapters()) {
      router.post("/hooks/" + adapter.provider().wireName())
          .handler(new RequestMetrics(adapter.provider(), metrics))
          .handler(BodyLimit.of(settings.maxBodyBytes()))
          .handler(ContentTypes.accepting(adapter.mediaTypes().toArray(String[]::new)))
          .handler(new SignatureStep(vertx, adapter, authenticator))
          .handler(new EventStep(vertx, adapter, records, settings.sink(), recent, metrics,
              settings.clock(), settings.tracing()));
    }
    return router;
  }
}
