package dev.floe.gitops.compiler.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.compiler.CompilerLimits;
import dev.floe.gitops.compiler.validate.Checker;
import dev.floe.gitops.compiler.validate.FloeSchema;
import dev.floe.gitops.compiler.validate.PlatformSchema;
import dev.floe.gitops.compiler.validate.Problems;
import dev.floe.gitops.compiler.yaml.YNode;
import dev.floe.gitops.compiler.yaml.YamlLoad;
import dev.floe.gitops.compiler.yaml.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Schema-valid files bind to typed records with floe-runtime's defaults filled in. */
class BindingTest {
    private static YNode load(String text) {
        CompilerLimits l = CompilerLimits.defaults();
        return ((YamlLoad.Loaded) new YamlLoader(l.maxDocumentBytes(), l.maxDepth(), l.maxAliases(), l.maxNodes())
                .load(text.getBytes(StandardCharsets.UTF_8), "t")).root();
    }

    private static Path root() {
        String p = System.getProperty("floe.repo.root");
        return p != null && Files.isDirectory(Path.of(p, "platform")) ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
    }

    @Test
    void bindsEverySectionOfTheDevPlatformFile() throws Exception {
        YNode root = load(Files.readString(root().resolve("platform/dev/platform.yaml")));
        Problems problems = new Problems();
        PlatformSchema.root().check(root, "", new Checker(problems.in("platform.yaml"), Set.of()));
        assertThat(problems.sorted()).isEmpty();
        PlatformSpec spec = PlatformBinder.bind(root);
        assertThat(spec.storage().get("default").credentials().mode()).isEqualTo("iam_role");
        assertThat(spec.catalogs().get("default").accessDelegation()).isEqualTo("vended-credentials");
        assertThat(spec.compute().get("snowflake").credentials().secretRef()).isEqualTo("snowflake-dev-credentials");
        assertThat(spec.layers().get("gold").retentionDays()).isEqualTo(90);
        assertThat(spec.security().authentication().oidc().clientId()).isEqualTo("floe-platform-dev");
        assertThat(spec.security().authentication().oidc().clientSecret()).isEqualTo(new SecretRef("floe-dev-oidc-client-secret"));
        assertThat(spec.security().secretBackends().primary()).isEqualTo("kubernetes");
        assertThat(spec.security().audit().retentionDays()).isEqualTo(90);
        assertThat(spec.infrastructure().cloud().aws().accountId()).isEqualTo("210987654321");
        assertThat(spec.infrastructure().network().ingress().routes().get("dagster").port()).isEqualTo(80);
        assertThat(spec.infrastructure().network().localAccess().ports()).containsEntry("dagster", 30000);
        assertThat(spec.governance().frameworks().get("gdpr").enforcement()).isEqualTo("permissive");
        assertThat(spec.observability().sections().tracing().probability()).isEqualTo(0.1);
        assertThat(spec.observability().sections().computeLogs().retentionDays()).isEqualTo(14);
    }

    @Test
    void appliesFloeRuntimeDefaultsToAnEmptyPlatformFile() {
        PlatformSpec spec = PlatformBinder.bind(load("storage: {default: {bucket: abc}}\n"));
        assertThat(spec.version()).isEqualTo("1.2.0");
        assertThat(spec.storage().get("default").type()).isEqualTo("s3");
        assertThat(spec.storage().get("default").region()).isEqualTo("us-east-1");
        assertThat(spec.storage().get("default").credentials()).isEqualTo(Credentials.STATIC);
        assertThat(spec.secretBackends()).isEqualTo(SecretBackends.KUBERNETES);
        assertThat(spec.security().authentication().session().sameSite()).isEqualTo("Lax");
        assertThat(spec.infrastructure().lifecycle().historyLimits()).containsEntry("failed", 5);
        assertThat(spec.observability().sections().logging().level()).isEqualTo("INFO");
    }

    @Test
    void bindsConsumptionAndOrchestrationUnions() {
        String text = """
                name: p
                version: "1.0.0"
                consumption: {enabled: true, database_type: duckdb}
                orchestration:
                  asset_modules: [pkg.assets]
                  partitions:
                    daily: {type: time_window, start: "2024-01-01", cron_schedule: "0 0 * * *"}
                    regions: {type: static, partition_keys: [eu, us]}
                  jobs:
                    nightly: {type: batch, selection: ["*"]}
                    export: {type: ops, target_function: pkg.jobs.export}
                  schedules:
                    nightly_run: {job: nightly, cron_schedule: "0 2 * * *"}
                  sensors:
                    on_file: {type: file_watcher, job: nightly, path: /data/in}
                  backfills:
                    jan: {job: nightly, partition_range: {start: "2024-01-01", end: "2024-01-31"}}
                """;
        YNode root = load(text);
        Problems problems = new Problems();
        FloeSchema.root().check(root, "", new Checker(problems.in("floe.yaml"), FloeSchema.INFRASTRUCTURE_KEYS));
        assertThat(problems.sorted()).isEmpty();
        FloeSpec spec = FloeBinder.bind(root);
        assertThat(spec.consumption().enabled()).isTrue();
        assertThat(spec.consumption().filterColumn()).isEqualTo("organization_id");
        Orchestration o = spec.orchestration();
        assertThat(o.partitions().get("daily")).isInstanceOf(Orchestration.TimeWindow.class);
        assertThat(o.partitions().get("regions")).isEqualTo(new Orchestration.StaticPartition(List.of("eu", "us")));
        assertThat(o.jobs().get("export")).isInstanceOf(Orchestration.OpsJob.class);
        assertThat(o.schedules().get("nightly_run").timezone()).isEqualTo("UTC");
        assertThat(o.sensors().get("on_file").settings()).containsEntry("path", "/data/in");
        assertThat(o.backfills().get("jan").batchSize()).isEqualTo(10);
        assertThat(spec.profiles()).isEqualTo(new FloeSpec.Profiles("default", "default", "default"));
    }
}
