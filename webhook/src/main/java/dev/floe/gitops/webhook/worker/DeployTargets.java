package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Routing from configuration (SPEC §4): which environments a pushed ref feeds, and which ref is an environment's
 * source head. A branch source is {@code refs/heads/<name>}; a tag source is the highest semantic version among the
 * tags matching its pattern. Pushes to a deploy branch are our own commits coming back and feed nothing.
 */
public final class DeployTargets {

  private DeployTargets() {}

  /** The environments of {@code repository} that a push of {@code ref} feeds; empty for deploy branches. */
  public static List<DeployTarget> fedBy(RepositoryConfig repository, String ref) {
    if (isDeployBranch(repository, ref)) {
      return List.of();
    }
    List<DeployTarget> out = new ArrayList<>();
    for (DeployTarget t : repository.deploy()) {
      if (t.source() instanceof DeployTarget.Branch b && ref.equals("refs/heads/" + b.name())) {
        out.add(t);
      } else if (t.source() instanceof DeployTarget.TagPattern p && ref.startsWith("refs/tags/")
          && matches(p.pattern(), ref.substring("refs/tags/".length()))) {
        out.add(t);
      }
    }
    return out;
  }

  /** The environments whose source branch is a pull request's base branch (tags are not PR bases). */
  public static List<DeployTarget> forPullRequestBase(RepositoryConfig repository, String baseRef) {
    String branch = baseRef.startsWith("refs/heads/") ? baseRef.substring("refs/heads/".length()) : baseRef;
    return repository.deploy().stream()
        .filter(t -> t.source() instanceof DeployTarget.Branch b && b.name().equals(branch))
        .toList();
  }

  public static boolean isDeployBranch(RepositoryConfig repository, String ref) {
    return repository.deploy().stream().anyMatch(t -> ref.equals("refs/heads/" + t.deployBranch())
        && sameRepository(t.deployRepository(), repository.url()));
  }

  private static boolean sameRepository(String a, String b) {
    return a == null || a.equals(b);
  }

  /**
   * The source ref of an environment among the refs a remote advertises: the branch, or the highest-versioned
   * matching tag. Empty when the branch does not exist or no tag matches.
   */
  public static Optional<String> sourceRef(DeployTarget target, Map<String, ObjectId> advertised) {
    if (target.source() instanceof DeployTarget.Branch b) {
      String ref = "refs/heads/" + b.name();
      return advertised.containsKey(ref) ? Optional.of(ref) : Optional.empty();
    }
    String pattern = ((DeployTarget.TagPattern) target.source()).pattern();
    return advertised.keySet().stream()
        .filter(r -> r.startsWith("refs/tags/") && !r.endsWith("^{}"))
        .map(r -> r.substring("refs/tags/".length()))
        .filter(tag -> matches(pattern, tag))
        .flatMap(tag -> SemVer.parse(tag).map(v -> Map.entry(tag, v)).stream())
        .max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .map(e -> "refs/tags/" + e.getKey());
  }

  static boolean matches(String glob, String name) {
    try {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return m.matches(Path.of(name));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
