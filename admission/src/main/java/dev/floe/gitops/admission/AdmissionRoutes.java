package dev.floe.gitops.admission;

import dev.floe.gitops.admission.handlers.ApplyExemptions;
import dev.floe.gitops.admission.handlers.DecideVerdict;
import dev.floe.gitops.admission.handlers.ParseReview;
import dev.floe.gitops.admission.handlers.RecordMetrics;
import dev.floe.gitops.admission.handlers.TraceReview;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import dev.floe.gitops.runtime.http.BodyLimit;
import dev.floe.gitops.runtime.http.ErrorMapping;
import dev.floe.gitops.runtime.tracing.Tracing;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * {@code POST /validate} as a chain of small handlers, one concern each:
 * metrics → body limit (413) → parse (400) → exemptions → scan and verdict. Errors are answered by the
 * runtime's {@link ErrorMapping} in the one error shape.
 */
public final class AdmissionRoutes {

    public static final String PATH = "/validate";

    private AdmissionRoutes() {}

    public static Router router(Vertx vertx, AdmissionConfig config, PolicyEngine engine, AdmissionMetrics metrics) {
        return router(vertx, config, engine, metrics, Tracing.noop());
    }

    /** As above, with a span per review (docs/observability.md). */
    public static Router router(Vertx vertx, AdmissionConfig config, PolicyEngine engine, AdmissionMetrics metrics,
            Tracing tracing) {
        Router router = ErrorMapping.install(Router.router(vertx));
        router.post(PATH)
                .handler(new TraceReview(tracing))
                .handler(new RecordMetrics(metrics, System::nanoTime))
                .handler(BodyLimit.of(config.maxBodyBytes()))
                .handler(new ParseReview(new ReviewParser()))
                .handler(new ApplyExemptions(new Exemptions(config.exemptions())))
                .handler(new DecideVerdict(new ReviewScanner(engine, config.scanBudget(), System::nanoTime), new VerdictPolicy(config),
                        config.failureVerdict(), new ReviewResponses(), metrics));
        return router;
    }
}
