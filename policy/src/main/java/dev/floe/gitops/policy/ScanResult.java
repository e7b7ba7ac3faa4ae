package dev.floe.gitops.policy;

import java.util.List;

/** The outcome of one scan: a value, never an exception (STYLE.md "outcomes as values"). */
public sealed interface ScanResult permits ScanResult.Clean, ScanResult.Findings, ScanResult.BudgetExceeded {

  /** Every finding of the scan; for {@link BudgetExceeded} the ones found before the budget ran out. */
  List<Finding> findings();

  /** No finding. */
  record Clean() implements ScanResult {
    @Override
    public List<Finding> findings() {
      return List.of();
    }
  }

  /** At least one finding. */
  record Findings(List<Finding> findings) implements ScanResult {
    public Findings {
      findings = List.copyOf(findings);
    }
  }

  /**
   * The byte or time budget ran out before the scan finished. Callers treat this as their failure
   * verdict: an input that cannot be scanned in time must not pass as clean.
   */
  record BudgetExceeded(List<Finding> findingsSoFar, String reason) implements ScanResult {
    public BudgetExceeded {
      findingsSoFar = List.copyOf(findingsSoFar);
    }

    @Override
    public List<Finding> findings() {
      return findingsSoFar;
    }
  }

  static ScanResult of(List<Finding> findings) {
    return findings.isEmpty() ? new Clean() : new Findings(findings);
  }
}
