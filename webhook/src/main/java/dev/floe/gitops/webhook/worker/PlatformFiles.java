package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.EnvironmentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** Where an environment's platform.yaml bytes come from; read on every render and every reconciler tick. */
@FunctionalInterface
public interface PlatformFiles {

  byte[] read(String environment) throws IOException;

  /**
   * From local disk, or from each environment's platform repository where one is set (fetched at most every
   * {@code refresh}); close the result when it is {@link AutoCloseable}.
   */
  static PlatformFiles fromConfig(Map<String, EnvironmentConfig> environments, java.nio.file.Path dataDir,
      java.util.List<dev.floe.gitops.runtime.config.RepositoryConfig> repositories, GitCredentials credentials,
      java.time.Clock clock, java.time.Duration refresh) {
    if (environments.values().stream().noneMatch(e -> e.platformRepository().isPresent())) {
      return fromDisk(environments);
    }
    PlatformFiles disk = fromDisk(environments);
    PlatformRepositoryFiles remote = new PlatformRepositoryFiles(environments, dataDir,
        PlatformRepositoryFiles.fromServed(repositories, credentials), clock, refresh);
    return new Both(environments, disk, remote);
  }

  /** Each environment from where its configuration says. */
  record Both(Map<String, EnvironmentConfig> environments, PlatformFiles disk, PlatformRepositoryFiles remote)
      implements PlatformFiles, AutoCloseable {
    @Override
    public byte[] read(String environment) throws IOException {
      EnvironmentConfig config = environments.get(environment);
      return config != null && config.platformRepository().isPresent() ? remote.read(environment) : disk.read(environment);
    }

    @Override
    public void close() {
      remote.close();
    }
  }

  /** From local disk, the paths of the configuration. */
  static PlatformFiles fromDisk(Map<String, EnvironmentConfig> environments) {
    return environment -> {
      EnvironmentConfig config = environments.get(environment);
      if (config == null) {
        throw new IOException("environment '" + environment + "' is not declared");
      }
      if (config.platformRepository().isPresent()) {
        throw new IOException("environment '" + environment + "' reads platform.yaml from a platform repository, not from disk");
      }
      return Files.readAllBytes(config.platform());
    };
  }
}
