package dev.floe.gitops.policy;

/** How urgent a finding is; callers map it to their own verdicts (SARIF level, admission message). */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW
}
