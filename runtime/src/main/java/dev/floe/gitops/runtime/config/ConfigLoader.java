package dev.floe.gitops.runtime.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link GitopsConfig} from a {@link ConfigSource}: parse the file, apply environment variables,
 * then flags (flag > environment > file > default), bind, validate, scan for inline credentials. Every
 * problem of every stage is collected and reported once.
 */
public final class ConfigLoader {

    private final ConfigScanner scanner;
    private final YamlTreeReader.Limits limits;

    public ConfigLoader(ConfigScanner scanner) {
        this(scanner, YamlTreeReader.Limits.DEFAULT);
    }

    public ConfigLoader(ConfigScanner scanner, YamlTreeReader.Limits limits) {
        this.scanner = scanner;
        this.limits = limits;
    }

    /**
     * For {@code main}: reads the file (when given; relative to the working directory), then loads. A
     * missing, unreadable or oversized file is an {@link ConfigLoadResult.Invalid}, like any other error.
     */
    public ConfigLoadResult load(java.util.Optional<Path> file, Map<String, String> environment, Map<String, String> flags, Path workingDir) {
        if (file.isEmpty()) {
            return load(new ConfigSource(java.util.Optional.empty(), java.util.Optional.empty(), environment, flags, workingDir));
        }
        Path path = workingDir.resolve(file.get()).toAbsolutePath().normalize();
        Origin origin = new Origin.File(path.toString(), 0, 0);
        try {
            // UTF-8 needs at most 4 bytes a character: refuse a huge file before reading it into memory.
            long size = java.nio.file.Files.size(path);
            if (size > 4L * limits.maxChars()) {
                return invalid("config file is " + size + " bytes, more than the limit", origin);
            }
            String text = java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.UTF_8);
            return load(ConfigSource.ofText(text, path, environment, flags, workingDir));
        } catch (java.nio.file.NoSuchFileException e) {
            return invalid("config file not found", origin);
        } catch (java.nio.charset.CharacterCodingException e) {
            return invalid("config file is not UTF-8 text", origin);
        } catch (java.io.IOException e) {
            return invalid("cannot read the config file (" + e.getClass().getSimpleName() + ")", origin);
        }
    }

    private static ConfigLoadResult invalid(String message, Origin origin) {
        return new ConfigLoadResult.Invalid(List.of(new ConfigError("", message, List.of(), java.util.Optional.empty(), origin)));
    }

    public ConfigLoadResult load(ConfigSource source) {
        List<ConfigError> errors = new ArrayList<>();
        Path configDir = source.file().map(f -> source.workingDir().resolve(f).toAbsolutePath().normalize().getParent())
                .orElse(source.workingDir());

        ConfigNode tree = ConfigNode.Mapping.empty(Origin.DEFAULT);
        if (source.fileText().isPresent()) {
            String name = source.file().map(Path::toString).orElse("floe-gitops.yaml");
            YamlTreeReader.Result parsed = new YamlTreeReader(name, limits).read(source.fileText().get());
            if (parsed instanceof YamlTreeReader.Failed failed) {
                return new ConfigLoadResult.Invalid(failed.errors()); // nothing sensible to bind
            }
            tree = ((YamlTreeReader.Parsed) parsed).root();
        }

        EnvironmentOverrides.Mapped env = EnvironmentOverrides.map(source.environment(), tree);
        errors.addAll(env.errors());
        for (EnvironmentOverrides.Override o : env.overrides()) tree = apply(tree, o.path(), o.value(), o.origin(), errors);

        for (Map.Entry<String, String> flag : source.flags().entrySet()) {
            Origin origin = new Origin.Flag(flag.getKey());
            ConfigPath path;
            try {
                path = ConfigPath.parse(flag.getKey());
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigError(flag.getKey(), e.getMessage(), List.of(), java.util.Optional.empty(), origin));
                continue;
            }
            tree = apply(tree, path, flag.getValue(), origin, errors);
        }

        ConfigBinder.Bound bound = new ConfigBinder(configDir, source.workingDir()).bind(tree);
        errors.addAll(bound.errors());
        errors.addAll(ConfigValidator.validate(bound.config(), tree));

        List<String> warnings = new ArrayList<>();
        for (ConfigFinding finding : scanner.scan(tree)) {
            if (bound.config().profile().isLocal()) {
                warnings.add(finding.format() + " (allowed in the local profile only)");
            } else {
                errors.add(ConfigError.inlineCredential(finding));
            }
        }
        return errors.isEmpty() ? new ConfigLoadResult.Loaded(bound.config(), tree, warnings) : new ConfigLoadResult.Invalid(errors);
    }

    private static ConfigNode apply(ConfigNode tree, ConfigPath path, String value, Origin origin, List<ConfigError> errors) {
        TreeEditor.Edit edit = TreeEditor.set(tree, path, ConfigNode.Scalar.string(value, origin));
        if (edit instanceof TreeEditor.Edited edited) return edited.root();
        errors.add(ConfigError.of(path, ((TreeEditor.Refused) edit).reason(), origin));
        return tree;
    }
}
