package dev.floe.gitops.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * floe-gitops.yaml is operator input, and its values include credentials pasted where a
 * {@code secret_ref} belongs. Whatever the file, the environment and the flags say, loading ends in
 * {@link ConfigLoadResult.Loaded} or {@link ConfigLoadResult.Invalid} with at least one error, never
 * an exception; and no error message, allowed list, hint or warning repeats a value (the
 * {@link ConfigError} contract). Every {@code $$} in the input becomes a quoted token-shaped
 * value, so the fuzzer can put one anywhere a scalar goes; the same value is given through one
 * environment variable and one flag picked from the end of the input. Without JAZZER_FUZZ this
 * replays {@code ConfigLoaderFuzzTestInputs/floeGitopsYaml/}.
 */
class ConfigLoaderFuzzTest {

    /** Token-shaped (the scanner's GitHub rule), so the credential paths are exercised too. */
    private static final String SECRET = "ghp_Zq8xV2mK9pL4rT7wY1nB5cD3fH6jS0aEuXo";
    /** Any 10 characters of it in a message count as an echo. */
    private static final String CORE = SECRET.substring(12, 22);
    private static final Path WORKDIR = Path.of("/nonexistent/floe-fuzz");
    private static final Path FILE = Path.of("floe-gitops.yaml");
    private static final ConfigLoader LOADER = new ConfigLoader(new BuiltinConfigScanner());

    private static final String[] VARIABLES = {null, "FLOE_GITOPS_PROFILE", "FLOE_GITOPS_SERVER_PORT",
        "FLOE_GITOPS_KAFKA_SECURITY_PASSWORD", "FLOE_GITOPS_KAFKA_SECURITY_PROTOCOL", "FLOE_GITOPS_LOGGING_LEVEL",
        "FLOE_GITOPS_ADMISSION_MODE", "FLOE_GITOPS_REPOSITORIES_0_WEBHOOK_SECRET", "FLOE_GITOPS_PASSWORD",
        "FLOE_GITOPS_REPORTS_SIGNING_KEY", "FLOE_GITOPS_SHUTDOWN_GRACE_PERIOD"};
    private static final String[] FLAGS = {null, "profile", "server.port", "kafka.security.password",
        "kafka.security.saslMechanism", "logging.format", "admission.failureVerdict", "repositories[0].url",
        "reports.publicUrl", "worker.reconcileInterval", "githubApp.privateKey", "x..y", "environments.prod.preview"};

    /** Identifiers that errors name on purpose; a value there is not a credential. */
    private static final java.util.Set<String> NAME_KEYS = java.util.Set.of("name", "environment", "branch", "tag", "deployBranch");

    @FuzzTest(maxDuration = "30s")
    void floeGitopsYaml(FuzzedDataProvider data) {
        String variable = data.pickValue(VARIABLES);
        String flag = data.pickValue(FLAGS);
        String yaml = data.consumeRemainingAsString().replace("$$", "\"" + SECRET + "\"");
        Map<String, String> environment = new HashMap<>();
        if (variable != null) environment.put(variable, SECRET);
        Map<String, String> flags = new HashMap<>();
        if (flag != null) flags.put(flag, SECRET);

        ConfigLoadResult result = LOADER.load(ConfigSource.ofText(yaml, FILE, environment, flags, WORKDIR));

        assertThat(result).isNotNull();
        boolean named = inANameOrKey(yaml);
        if (result instanceof ConfigLoadResult.Invalid invalid) {
            assertThat(invalid.errors()).isNotEmpty();
            for (ConfigError error : invalid.errors()) {
                assertThat(error.format()).isNotBlank();
                if (named) continue; // names (repository, environment, branch) are repeated on purpose
                assertThat(error.message()).as("error message of %s", error.path()).doesNotContain(CORE);
                assertThat(error.allowed()).noneMatch(a -> a.contains(CORE));
                assertThat(error.suggestion().filter(s -> s.contains(CORE))).isEmpty();
            }
            assertThat(invalid.report()).isNotBlank();
        } else {
            ConfigLoadResult.Loaded loaded = (ConfigLoadResult.Loaded) result;
            assertThat(loaded.config()).isNotNull();
            assertThat(loaded.warnings()).noneMatch(w -> w.contains(CORE));
        }
    }

    /** Whether the planted value is (part of) a mapping key or an identifier's value in the file. */
    private static boolean inANameOrKey(String yaml) {
        YamlTreeReader.Result read = new YamlTreeReader("f", YamlTreeReader.Limits.DEFAULT).read(yaml);
        return read instanceof YamlTreeReader.Parsed parsed && named(parsed.root(), null);
    }

    private static boolean named(ConfigNode node, String key) {
        if (node instanceof ConfigNode.Scalar scalar) {
            return key != null && NAME_KEYS.contains(key) && scalar.value().contains(CORE);
        }
        if (node instanceof ConfigNode.Sequence sequence) {
            return sequence.items().stream().anyMatch(item -> named(item, key));
        }
        ConfigNode.Mapping mapping = (ConfigNode.Mapping) node;
        return mapping.entries().entrySet().stream()
                .anyMatch(e -> e.getKey().contains(CORE) || named(e.getValue(), e.getKey()));
    }
}
