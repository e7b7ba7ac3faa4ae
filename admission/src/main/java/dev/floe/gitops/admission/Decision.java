package dev.floe.gitops.admission;

import java.util.List;

import dev.floe.gitops.policy.Finding;

/**
 * A verdict with what led to it: the findings that count (new ones, after exemptions), the ones already
 * present in {@code oldObject}, and the label for metrics ({@code allow | warn | deny | audit}).
 */
public record Decision(Verdict verdict, String label, List<Finding> findings, List<Finding> preExisting, boolean budgetExceeded) {

    public Decision {
        findings = List.copyOf(findings);
        preExisting = List.copyOf(preExisting);
    }
}
