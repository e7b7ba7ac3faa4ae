package dev.floe.gitops.admission;

import java.util.List;
import java.util.Set;

import dev.floe.gitops.policy.Finding;

/**
 * The exemptions that apply to one object: every rule ({@code allRules}) or the listed ones, with the
 * reasons of the entries that matched (for the log, so an exemption in use can be explained).
 */
public record ExemptionScope(boolean allRules, Set<String> rules, List<String> reasons) {

    public static final ExemptionScope NONE = new ExemptionScope(false, Set.of(), List.of());

    public ExemptionScope {
        rules = Set.copyOf(rules);
        reasons = List.copyOf(reasons);
    }

    public boolean isEmpty() { return !allRules && rules.isEmpty(); }

    public boolean exempts(Finding finding) {
        return allRules || rules.contains(finding.ruleId());
    }

    /** The findings that still count. */
    public List<Finding> keep(List<Finding> findings) {
        if (isEmpty()) return findings;
        return findings.stream().filter(f -> !exempts(f)).toList();
    }
}
