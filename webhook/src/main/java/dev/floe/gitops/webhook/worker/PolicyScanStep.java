package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.compiler.RenderedTree;
import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.policy.ScanContext;
import dev.floe.gitops.policy.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scan: every file of the rendered tree goes through the policy engine (SPEC §7) before anything is committed. A
 * budget that runs out is a violation too: a tree that cannot be scanned must not pass as clean.
 */
final class PolicyScanStep {

  private final PolicyEngine engine;

  PolicyScanStep(PolicyEngine engine) {
    this.engine = engine;
  }

  Optional<DeployOutcome.PolicyViolation> scan(RenderedTree tree) {
    List<Finding> findings = new ArrayList<>();
    String budget = null;
    for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
      ScanResult result = engine.scanText(file.getValue(), file.getKey(), ScanContext.files());
      findings.addAll(result.findings());
      if (result instanceof ScanResult.BudgetExceeded exceeded) {
        budget = file.getKey() + ": scan budget exceeded (" + exceeded.reason() + ")";
        break;
      }
    }
    if (findings.isEmpty() && budget == null) {
      return Optional.empty();
    }
    return Optional.of(DeployOutcome.PolicyViolation.of(findings, budget));
  }
}
