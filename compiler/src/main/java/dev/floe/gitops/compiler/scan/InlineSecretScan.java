package dev.floe.gitops.compiler.scan;

import dev.floe.gitops.compiler.CompileError;
import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.policy.PolicyEngine;
import dev.floe.gitops.policy.ScanContext;
import dev.floe.gitops.policy.ScanResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiler's policy step (SPEC §7): the inputs are scanned before their meaning is parsed, and
 * the whole rendered tree before it is returned. A finding is a compile error that names the rule,
 * the path and the masked value, never the value.
 */
public final class InlineSecretScan {

  private final PolicyEngine engine;

  public InlineSecretScan(PolicyEngine engine) {
    this.engine = engine;
  }

  /** Findings in one input or rendered file, as compile errors. */
  public List<CompileError> scan(String file, byte[] content) {
    ScanResult result = engine.scanText(content, file, ScanContext.files());
    List<CompileError> errors = new ArrayList<>();
    for (Finding f : result.findings()) {
      errors.add(toError(file, f));
    }
    if (result instanceof ScanResult.BudgetExceeded exceeded) {
      errors.add(new CompileError(file, 1, 1, "", "the inline-secret scan of " + file + " ran out of its budget ("
          + exceeded.reason() + "); a file that cannot be scanned is not rendered", "make the file smaller"));
    }
    return errors;
  }

  /** Findings in every file of a rendered tree. */
  public List<CompileError> scanTree(Map<String, byte[]> files) {
    List<CompileError> errors = new ArrayList<>();
    files.forEach((path, bytes) -> errors.addAll(scan(path, bytes)));
    return errors;
  }

  /**
   * Drops findings on a line that schema validation already reported: a literal {@code client_secret}
   * keeps the compiler's precise schema message instead of a second, vaguer one.
   */
  public static List<CompileError> notAlreadyReported(List<CompileError> findings, List<CompileError> reported) {
    Set<String> lines = new HashSet<>();
    for (CompileError e : reported) {
      lines.add(e.file() + ":" + e.line());
    }
    return findings.stream().filter(f -> !lines.contains(f.file() + ":" + f.line())).toList();
  }

  private static CompileError toError(String file, Finding f) {
    int line = Math.max(1, f.line());
    String where = f.path() == null || f.path().isEmpty() ? "" : " at " + f.path();
    return new CompileError(file, line, 1, f.path() == null ? "" : f.path(),
        "inline secret (" + f.ruleId() + ")" + where + ": " + f.masked(), f.remediation());
  }
}
