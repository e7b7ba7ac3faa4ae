package dev.floe.gitops.policy;

import java.util.List;

/** The {@code policy:} configuration is invalid; the message lists every problem, each naming its key. */
public final class PolicyConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public PolicyConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
