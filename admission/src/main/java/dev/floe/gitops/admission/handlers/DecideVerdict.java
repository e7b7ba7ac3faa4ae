package dev.floe.gitops.admission.handlers;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.floe.gitops.admission.AdmissionMetrics;
import dev.floe.gitops.admission.Decision;
import dev.floe.gitops.admission.ExemptionScope;
import dev.floe.gitops.admission.ReviewRequest;
import dev.floe.gitops.admission.ReviewResponses;
import dev.floe.gitops.admission.ReviewScan;
import dev.floe.gitops.admission.ReviewScanner;
import dev.floe.gitops.admission.Verdict;
import dev.floe.gitops.admission.VerdictPolicy;
import dev.floe.gitops.policy.ScanResult;
import dev.floe.gitops.runtime.config.AdmissionConfig;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Scans the object, decides and writes the AdmissionReview response. The scan runs on the event loop: it
 * is bounded by the scan budget and takes microseconds for real objects, and a hop to a worker would cost
 * more than the scan. A bug here must not become a 5xx (the API server would apply the webhook's
 * failurePolicy with no explanation), so it gets the configured failure verdict, and is logged.
 */
public final class DecideVerdict implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(DecideVerdict.class);

    private final ReviewScanner scanner;
    private final VerdictPolicy policy;
    private final AdmissionConfig.FailureVerdict failureVerdict;
    private final ReviewResponses responses;
    private final AdmissionMetrics metrics;

    public DecideVerdict(ReviewScanner scanner, VerdictPolicy policy, AdmissionConfig.FailureVerdict failureVerdict,
                         ReviewResponses responses, AdmissionMetrics metrics) {
        this.scanner = scanner;
        this.policy = policy;
        this.failureVerdict = failureVerdict;
        this.responses = responses;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ReviewRequest request = ReviewContext.request(ctx);
        ExemptionScope exemptions = ReviewContext.exemptions(ctx);
        Decision decision;
        try {
            ReviewScan scan = VerdictPolicy.needsScan(request) && !exemptions.allRules() ? scanner.scan(request) : ReviewScan.NOT_SCANNED;
            decision = policy.decide(request, scan, exemptions);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("review {} of {} could not be scanned; answering with failureVerdict {}", request.uid(), request.kind(), failureVerdict, e);
            decision = failed(request);
        }
        metrics.findings(decision.findings());
        log(request, decision, exemptions);
        ReviewContext.decision(ctx, decision.label());
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(responses.render(request, decision.verdict())));
    }

    private Decision failed(ReviewRequest request) {
        ReviewScan exceeded = new ReviewScan(new ScanResult.BudgetExceeded(List.of(), "scan failed"), new ScanResult.Clean());
        return policy.decide(request, exceeded, ExemptionScope.NONE);
    }

    private static void log(ReviewRequest request, Decision decision, ExemptionScope exemptions) {
        if (decision.findings().isEmpty() && decision.preExisting().isEmpty() && !decision.budgetExceeded()) {
            if (!exemptions.isEmpty()) LOG.debug("review {} exempt ({})", request.uid(), String.join("; ", exemptions.reasons()));
            return;
        }
        // Names are fine in logs (not in metric labels); values only ever appear masked.
        LOG.info("review {} {} {} {}/{}{}: {}{}{}{}", request.uid(), request.operation(), request.kind(), request.namespace(), request.name(),
                request.dryRun() ? " (dryRun)" : "", decision.label(),
                decision.budgetExceeded() ? " (scan budget exceeded)" : "",
                decision.findings().isEmpty() ? "" : " findings " + decision.findings(),
                decision.preExisting().isEmpty() ? "" : " already present " + decision.preExisting());
    }
}
