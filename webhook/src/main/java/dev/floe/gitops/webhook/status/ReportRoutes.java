package dev.floe.gitops.webhook.status;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /reports/<owner>/<name>/<sha>/<env>?expires=…&token=…} on the traffic server: the signed link is checked
 * before anything is looked up, so a missing, wrong or expired token is {@code 403} whether or not the report exists
 * (nobody learns which repositories or commits are served). A verified page not held here is recomputed from Git
 * ({@link OnDemandReports}: {@code 503} while its renders are at their bound). Pages are plain HTML with a policy
 * that forbids scripts; the token is in the URL, so the page is neither cached nor sent on as a referrer.
 */
public final class ReportRoutes {

  private final OnDemandReports reports;
  private final LinkSigner signer;

  /** Only the pages {@code reports} holds. */
  public ReportRoutes(ReportStore reports, LinkSigner signer) {
    this(OnDemandReports.cacheOnly(reports), signer);
  }

  /** Pages held, else recomputed from Git by the worker. */
  public ReportRoutes(OnDemandReports reports, LinkSigner signer) {
    this.reports = reports;
    this.signer = signer;
  }

  public Router install(Router router) {
    router.get("/reports/*").handler(this::serve);
    return router;
  }

  private void serve(RoutingContext ctx) {
    String path = ctx.request().path();
    var verdict = signer.verify(path, ctx.request().getParam("expires"), ctx.request().getParam("token"));
    ctx.response().putHeader("Cache-Control", "no-store").putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    if (verdict != LinkSigner.Verdict.VALID) {
      ctx.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("forbidden: this report link is missing its token, altered or expired\n");
      return;
    }
    reports.answer(ctx.vertx(), path).onComplete(done -> {
      OnDemandReports.Answer answer = done.succeeded() ? done.result()
          : new OnDemandReports.Answer.Later("the report could not be rendered now");
      if (answer instanceof OnDemandReports.Answer.Page page) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(ReportPage.render(page.report()));
      } else if (answer instanceof OnDemandReports.Answer.Missing missing) {
        ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
            .end(missing.why() + "\n");
      } else {
        ctx.response().setStatusCode(503).putHeader("Retry-After", "5")
            .putHeader("Content-Type", "text/plain; charset=utf-8")
            .end(((OnDemandReports.Answer.Later) answer).why() + "\n");
      }
    });
  }
}
