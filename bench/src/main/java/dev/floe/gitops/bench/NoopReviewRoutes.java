package dev.floe.gitops.bench;

import dev.floe.gitops.admission.AdmissionRoutes;
import dev.floe.gitops.admission.ParseResult;
import dev.floe.gitops.admission.ReviewParser;
import dev.floe.gitops.admission.ReviewResponses;
import dev.floe.gitops.admission.Verdict;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import dev.floe.gitops.runtime.http.BodyLimit;
import dev.floe.gitops.runtime.http.ErrorMapping;
import dev.floe.gitops.runtime.http.HttpProblem;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * The baseline for the load driver: the same server, TLS and body handling, a handler that parses the
 * review and allows it without scanning. Our p99 is reported as a ratio to this one's.
 */
final class NoopReviewRoutes {

  private NoopReviewRoutes() {}

  static Router router(Vertx vertx) {
    ReviewParser parser = new ReviewParser();
    ReviewResponses responses = new ReviewResponses();
    Router router = ErrorMapping.install(Router.router(vertx));
    router.post(AdmissionRoutes.PATH).handler(BodyLimit.of(AdmissionConfig.DEFAULT_MAX_BODY_BYTES)).handler(ctx -> {
      ParseResult result = parser.parse(BodyLimit.body(ctx).getBytes());
      if (result instanceof ParseResult.Parsed parsed) {
        ctx.response().putHeader("Content-Type", "application/json")
            .end(Buffer.buffer(responses.render(parsed.request(), new Verdict.Allow())));
      } else {
        ctx.fail(HttpProblem.badRequest(((ParseResult.Rejected) result).message()));
      }
    });
    return router;
  }
}
