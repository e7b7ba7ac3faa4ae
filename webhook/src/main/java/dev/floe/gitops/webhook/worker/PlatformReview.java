package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.DeployTarget;
import dev.floe.gitops.runtime.config.EnvironmentConfig;
import dev.floe.gitops.runtime.config.RepositoryConfig;
import dev.floe.gitops.webhook.git.Redaction;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §5, platform repositories: a pull request on a platform repository previews, for each environment whose
 * platform.yaml it changes, every served repository deploying there: its current source head rendered against the
 * proposed platform.yaml and compared with its deploy branch. Environments whose file the pull request leaves as it is
 * are not reviewed. Nothing is committed.
 */
final class PlatformReview {

  private final PlatformRepositoryFiles platforms;
  private final EnvironmentDeployer deployer;
  private PlatformReview(PlatformRepositoryFiles platforms, EnvironmentDeployer deployer) {
    this.platforms = platforms;
    this.deployer = deployer;
  }

  /** A review over the platform repositories among {@code files}, or empty when no environment has one. */
  static Optional<PlatformReview> of(PlatformFiles files, EnvironmentDeployer deployer) {
    PlatformRepositoryFiles remote = files instanceof PlatformFiles.Both both ? both.remote()
        : files instanceof PlatformRepositoryFiles r ? r : null;
    return Optional.ofNullable(remote).map(r -> new PlatformReview(r, deployer));
  }

  /** The environments reading platform.yaml from {@code repository} at the branch a pull request targets. */
  List<String> environmentsFor(RepositoryConfig repository, String baseRef) {
    String branch = baseRef.startsWith("refs/heads/") ? baseRef.substring("refs/heads/".length()) : baseRef;
    return platforms.environments().stream().sorted()
        .filter(env -> platforms.repositoryOf(env).filter(e -> e.platformRepository().get().equals(repository.url())
            && e.platformBranch().equals(branch)).isPresent())
        .toList();
  }

  /**
   * Per environment whose platform.yaml the pull request changes, each served repository's preview (keyed by its
   * name); an environment whose file cannot be read from the pull request has every repository {@code Transient}.
   */
  Map<String, Map<String, DeployOutcome>> review(List<String> reviewed, String prRef, int number,
      Collection<RepositoryConfig> served) {
    Map<String, Map<String, DeployOutcome>> out = new LinkedHashMap<>();
    for (String environment : reviewed) {
      List<Map.Entry<RepositoryConfig, DeployTarget>> targets = served.stream()
          .flatMap(r -> r.deploy().stream().filter(t -> t.environment().equals(environment)).map(t -> Map.entry(r, t)))
          .toList();
      Optional<byte[]> proposed;
      byte[] current;
      try {
        proposed = platforms.readAt(environment, prRef, "pr-" + number + "-" + environment);
        current = platforms.read(environment);
      } catch (IOException | RuntimeException e) {
        DeployOutcome failed = new DeployOutcome.Transient("failed to read the proposed platform.yaml of "
            + environment + ": " + Redaction.message(e));
        Map<String, DeployOutcome> all = new LinkedHashMap<>();
        targets.forEach(t -> all.put(t.getKey().name(), failed));
        out.put(environment, all);
        continue;
      }
      if (proposed.isPresent() && Arrays.equals(proposed.get(), current)) {
        continue; // this pull request does not touch the environment's platform
      }
      Map<String, DeployOutcome> previews = new LinkedHashMap<>();
      for (Map.Entry<RepositoryConfig, DeployTarget> t : targets) {
        previews.put(t.getKey().name(), proposed.isEmpty()
            ? new DeployOutcome.Invalid(List.of("the pull request removes " + pathOf(environment)
                + ", the platform of environment '" + environment + "'"))
            : deployer.platformPreview(t.getKey(), t.getValue(), proposed.get()));
      }
      out.put(environment, previews);
    }
    return out;
  }

  private String pathOf(String environment) {
    return platforms.repositoryOf(environment).map(EnvironmentConfig::platform).map(Object::toString).orElse("platform.yaml");
  }
}
