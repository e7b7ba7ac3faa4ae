package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.EnvironmentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** Where an environment's platform.yaml bytes come from; read on every render and every reconciler tick. */
@FunctionalInterface
public interface PlatformFiles {

  byte[] read(String environment) throws IOException;

  /** From local disk, the paths of the configuration (a platform repository is not supported yet). */
  static PlatformFiles fromDisk(Map<String, EnvironmentConfig> environments) {
    return environment -> {
      EnvironmentConfig config = environments.get(environment);
      if (config == null) {
        throw new IOException("environment '" + environment + "' is not declared");
      }
      if (config.platformRepository().isPresent()) {
        throw new IOException("environment '" + environment + "': platform repositories are not supported yet");
      }
      return Files.readAllBytes(config.platform());
    };
  }
}
