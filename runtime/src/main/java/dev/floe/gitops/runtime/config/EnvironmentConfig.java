package dev.floe.gitops.runtime.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code platform} is absolute after loading; with a platform repository it is a relative path inside that repository,
 * read at the head of {@code platformBranch}. {@code preview} is {@code full | summary | none} as written (the default
 * depends on the name, see docs/status.md).
 */
public record EnvironmentConfig(String name, Path platform, Optional<String> platformRepository, Optional<String> preview,
        Optional<GatesConfig> gates, String platformBranch) {

    public static final String DEFAULT_PLATFORM_BRANCH = "main";

    public EnvironmentConfig {
        preview = preview == null ? Optional.empty() : preview;
        gates = gates == null ? Optional.empty() : gates;
        platformBranch = platformBranch == null ? DEFAULT_PLATFORM_BRANCH : platformBranch;
    }

    public EnvironmentConfig(String name, Path platform, Optional<String> platformRepository, Optional<String> preview,
            Optional<GatesConfig> gates) {
        this(name, platform, platformRepository, preview, gates, DEFAULT_PLATFORM_BRANCH);
    }

    /** Without preview and gate settings (the defaults). */
    public EnvironmentConfig(String name, Path platform, Optional<String> platformRepository) {
        this(name, platform, platformRepository, Optional.empty(), Optional.empty());
    }
}
