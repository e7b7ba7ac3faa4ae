package dev.floe.gitops.admission;

import java.time.Duration;
import java.util.function.LongSupplier;

import dev.floe.gitops.policy.Budget;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.policy.ScanContext;
import dev.floe.gitops.policy.ScanResult;

/**
 * Runs the policy engine (the same one as {@code floe-gitops scan}, in ADMISSION mode, where a Secret
 * object itself is allowed) over a review's objects. One deadline covers both scans, so a review never
 * takes longer than the configured budget and the API server never waits for us until its timeout.
 */
public final class ReviewScanner {

    /** Larger than any admissible body (8 MiB by default) with its embedded documents decoded. */
    static final long MAX_SCAN_BYTES = 64L << 20;

    private final PolicyEngine engine;
    private final long budgetNanos;
    private final LongSupplier nanoTime;

    public ReviewScanner(PolicyEngine engine, Duration budget, LongSupplier nanoTime) {
        this.engine = engine;
        this.budgetNanos = budget.toNanos();
        this.nanoTime = nanoTime;
    }

    public ReviewScan scan(ReviewRequest request) {
        long deadline = nanoTime.getAsLong() + budgetNanos;
        ScanResult object = scanUntil(request.object(), deadline);
        if (object instanceof ScanResult.BudgetExceeded || request.operation() != ReviewRequest.Operation.UPDATE
                || request.oldObject() == null) {
            return new ReviewScan(object, new ScanResult.Clean());
        }
        return new ReviewScan(object, scanUntil(request.oldObject(), deadline));
    }

    private ScanResult scanUntil(Object tree, long deadline) {
        if (tree == null) return new ScanResult.Clean();
        long remaining = deadline - nanoTime.getAsLong();
        if (remaining <= 0) return new ScanResult.BudgetExceeded(java.util.List.of(), "no time left in the scan budget");
        Budget budget = new Budget(MAX_SCAN_BYTES, remaining, nanoTime);
        return engine.scanTree(tree, new ScanContext(ScanContext.Mode.ADMISSION, budget));
    }
}
