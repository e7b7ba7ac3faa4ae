package dev.floe.gitops.policy;

/** A rule as reported to tools (SARIF rule metadata, documentation). */
public record RuleDescriptor(String id, String description, Severity severity, String remediation) {
  /** The id callers use when they turn {@link ScanResult.BudgetExceeded} into a finding. */
  public static final String BUDGET_EXCEEDED = "scan-budget-exceeded";
}
