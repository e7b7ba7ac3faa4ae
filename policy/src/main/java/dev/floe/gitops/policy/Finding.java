package dev.floe.gitops.policy;

import java.util.Objects;

/**
 * One inline secret. Carries only the masked form of the value: a finding travels into logs, PR
 * comments and admission messages, so nothing here may reveal characters of the secret.
 *
 * @param line 1-based line in {@code file}; 0 when unknown (parsed trees have no lines)
 */
public record Finding(
    String ruleId, String path, String file, int line, String masked, Severity severity, String remediation) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    path = path == null ? "" : path;
    file = file == null ? "" : file;
    Objects.requireNonNull(masked, "masked");
    Objects.requireNonNull(severity, "severity");
    remediation = remediation == null ? "" : remediation;
  }

  /** {@code file:line: rule at path (masked)}: the one-line form used by the CLI and admission messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (!file.isEmpty()) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    sb.append(ruleId).append(" at ").append(path.isEmpty() ? "<root>" : path).append(" (").append(masked).append(')');
    return sb.toString();
  }
}
