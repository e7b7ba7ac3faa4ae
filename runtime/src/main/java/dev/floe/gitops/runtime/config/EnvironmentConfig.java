package dev.floe.gitops.runtime.config;

import java.nio.file.Path;
import java.util.Optional;

/** {@code platform} is absolute after loading; with a platform repository it is a path inside that repository. */
public record EnvironmentConfig(String name, Path platform, Optional<String> platformRepository) {}
