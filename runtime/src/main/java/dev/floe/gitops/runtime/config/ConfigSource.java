package dev.floe.gitops.runtime.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the configuration is built from, gathered by {@code main}: the file's text and location
 * (both empty when there is no file), the process environment, flag overrides (key path → value, e.g.
 * {@code server.port} or {@code repositories[0].url}) and the working directory. Nothing below main
 * reads {@code System.getenv}.
 */
public record ConfigSource(Optional<String> fileText, Optional<Path> file, Map<String, String> environment,
                           Map<String, String> flags, Path workingDir) {

    public ConfigSource {
        environment = Map.copyOf(environment);
        flags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    public static ConfigSource ofText(String text, Path file, Map<String, String> environment, Map<String, String> flags, Path workingDir) {
        return new ConfigSource(Optional.of(text), Optional.of(file), environment, flags, workingDir);
    }
}
