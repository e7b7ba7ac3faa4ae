package dev.floe.gitops.admission;

import dev.floe.gitops.policy.ScanResult;

/**
 * The scans of one review: the object, and on UPDATE the old object (to tell new findings from ones that
 * were already there). {@code old} is Clean when there is no old object.
 */
public record ReviewScan(ScanResult object, ScanResult old) {

    public static final ReviewScan NOT_SCANNED = new ReviewScan(new ScanResult.Clean(), new ScanResult.Clean());

    public boolean budgetExceeded() {
        return object instanceof ScanResult.BudgetExceeded || old instanceof ScanResult.BudgetExceeded;
    }
}
