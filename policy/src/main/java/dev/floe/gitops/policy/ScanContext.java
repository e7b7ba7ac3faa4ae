package dev.floe.gitops.policy;

import java.util.Objects;

/**
 * Where a scan runs. {@link Mode#FILE}: files in Git (scan CLI, PR checks, rendered trees), where a
 * Secret manifest with data is itself a finding. {@link Mode#ADMISSION}: objects sent to the API
 * server, where Secret objects are allowed (GitOps tools put them there legitimately).
 */
public record ScanContext(Mode mode, Budget budget) {

  public enum Mode {
    FILE,
    ADMISSION
  }

  public ScanContext {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(budget, "budget");
  }

  public static ScanContext files() {
    return new ScanContext(Mode.FILE, Budget.defaults());
  }

  public static ScanContext admission() {
    return new ScanContext(Mode.ADMISSION, Budget.admissionDefaults());
  }

  public ScanContext withBudget(Budget newBudget) {
    return new ScanContext(mode, newBudget);
  }
}
