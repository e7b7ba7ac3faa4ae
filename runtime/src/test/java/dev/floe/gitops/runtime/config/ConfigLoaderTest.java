package dev.floe.gitops.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.floe.gitops.runtime.logging.LogFormat;
import dev.floe.gitops.runtime.secrets.SecretRef;

class ConfigLoaderTest {

    static final Path FILE = Path.of("/srv/floe/floe-gitops.yaml");
    static final Path WORKDIR = Path.of("/home/operator");

    static final String EXAMPLE = """
            profile: production
            server: {port: 8080}
            management: {port: 8081}
            dataDir: .floe-gitops
            secretsDir: /var/run/secrets/floe
            kafka: {}
            environments:
              dev: {platform: platform/dev/platform.yaml}
            repositories:
              - name: acme/sales-analytics
                provider: github
                url: https://github.com/acme/sales-analytics.git
                webhookSecret: {secret_ref: sales-webhook-secret}
                deploy:
                  - {environment: dev, branch: main}
            policy: {}
            """;

    static ConfigLoadResult load(String yaml, Map<String, String> env, Map<String, String> flags) {
        return new ConfigLoader(new BuiltinConfigScanner()).load(ConfigSource.ofText(yaml, FILE, env, flags, WORKDIR));
    }

    static GitopsConfig loaded(String yaml, Map<String, String> env, Map<String, String> flags) {
        ConfigLoadResult result = load(yaml, env, flags);
        assertThat(result).as(() -> result instanceof ConfigLoadResult.Invalid i ? i.report() : "").isInstanceOf(ConfigLoadResult.Loaded.class);
        return ((ConfigLoadResult.Loaded) result).config();
    }

    static List<String> errors(String yaml, Map<String, String> env, Map<String, String> flags) {
        ConfigLoadResult result = load(yaml, env, flags);
        assertThat(result).isInstanceOf(ConfigLoadResult.Invalid.class);
        return ((ConfigLoadResult.Invalid) result).errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void theIssueExampleLoadsIntoTypedRecords() {
        GitopsConfig c = loaded(EXAMPLE, Map.of(), Map.of());
        assertThat(c.profile()).isEqualTo(Profile.PRODUCTION);
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.management().port()).isEqualTo(8081);
        assertThat(c.kafka().embedded()).isTrue();
        assertThat(c.environments().get("dev").platform()).isEqualTo(Path.of("/srv/floe/platform/dev/platform.yaml"));
        RepositoryConfig repo = c.repositories().get(0);
        assertThat(repo.provider()).isEqualTo(GitProvider.GITHUB);
        assertThat(repo.webhookSecret()).contains(new SecretRef("sales-webhook-secret"));
        DeployTarget target = repo.deploy().get(0);
        assertThat(target.source()).isEqualTo(new DeployTarget.Branch("main"));
        assertThat(target.deployBranch()).isEqualTo("deploy/dev");
        assertThat(target.deployRepository()).isEqualTo("https://github.com/acme/sales-analytics.git");
        assertThat(c.policy()).isEmpty();
    }

    @Test
    void absentKeysTakeTheDocumentedDefaults() {
        GitopsConfig c = loaded("", Map.of(), Map.of());
        assertThat(c.profile()).isEqualTo(Profile.PRODUCTION);
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.management().port()).isEqualTo(8081);
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/floe/.floe-gitops"));
        assertThat(c.secretsDir()).isEqualTo(Path.of("/var/run/secrets/floe"));
        assertThat(c.kafka().topic().partitions()).isEqualTo(6);
        assertThat(c.kafka().security().protocol()).isEqualTo("PLAINTEXT");
        assertThat(c.kubernetes().secrets()).isFalse();
        assertThat(c.kubernetes().namespace()).isEmpty();
        assertThat(c.shutdown().gracePeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.logging().format()).isEqualTo(LogFormat.JSON);
        assertThat(c.logging().level()).isEqualTo("INFO");
        assertThat(c.server().maxBodyBytes()).isEqualTo(25 << 20);
        assertThat(c.kafka().produceTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theReceiverLimitsAreSetByFileEnvironmentOrFlagAndAZeroTimeoutIsRefused() {
        GitopsConfig c = loaded("server: {maxBodyBytes: 1048576}\nkafka: {produceTimeout: 2s}\n",
                Map.of("FLOE_GITOPS_KAFKA_PRODUCE_TIMEOUT", "1500ms"), Map.of());
        assertThat(c.server().maxBodyBytes()).isEqualTo(1 << 20);
        assertThat(c.kafka().produceTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(errors("kafka: {produceTimeout: 0s}\n", Map.of(), Map.of()))
                .anySatisfy(e -> assertThat(e).contains("kafka.produceTimeout").contains("positive"));
        assertThat(errors("", Map.of(), Map.of("server.maxBodyBytes", "10")))
                .anySatisfy(e -> assertThat(e).contains("server.maxBodyBytes"));
    }

    @Test
    void localProfileLogsAsTextByDefault() {
        assertThat(loaded("profile: local", Map.of(), Map.of()).logging().format()).isEqualTo(LogFormat.TEXT);
        assertThat(loaded("profile: local\nlogging: {format: json}", Map.of(), Map.of()).logging().format()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void flagOverridesEnvironmentOverridesFile() {
        String yaml = "server: {port: 8000}\nmanagement: {port: 8001}\nshutdown: {gracePeriod: 10s}";
        Map<String, String> env = Map.of("FLOE_GITOPS_SERVER_PORT", "9000", "FLOE_GITOPS_MANAGEMENT_PORT", "9001");
        Map<String, String> flags = Map.of("server.port", "7000");
        GitopsConfig c = loaded(yaml, env, flags);
        assertThat(c.server().port()).isEqualTo(7000);        // flag beats env and file
        assertThat(c.management().port()).isEqualTo(9001);    // env beats file
        assertThat(c.shutdown().gracePeriod()).isEqualTo(Duration.ofSeconds(10)); // file beats default
    }

    @Test
    void environmentVariablesFollowTheKeyPathInUpperSnakeCase() {
        Map<String, String> env = Map.of(
                "FLOE_GITOPS_KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092,kafka-1:9092",
                "FLOE_GITOPS_KAFKA_TOPIC_REPLICATION_FACTOR", "3",
                "FLOE_GITOPS_REPOSITORIES_0_URL", "https://github.com/acme/sales-analytics-mirror.git",
                "FLOE_GITOPS_REPOSITORIES_0_WEBHOOK_SECRET_SECRET_REF", "other-secret",
                "FLOE_GITOPS_REPOSITORIES_0_DEPLOY_0_BRANCH", "release",
                "FLOE_GITOPS_ENVIRONMENTS_DEV_PLATFORM", "dev.yaml",
                "FLOE_GITOPS_KUBERNETES_SECRETS", "true");
        GitopsConfig c = loaded(EXAMPLE, env, Map.of());
        assertThat(c.kafka().bootstrapServers()).contains("kafka-0:9092,kafka-1:9092");
        assertThat(c.kafka().topic().replicationFactor()).isEqualTo(3);
        assertThat(c.repositories().get(0).url()).isEqualTo("https://github.com/acme/sales-analytics-mirror.git");
        assertThat(c.repositories().get(0).webhookSecret()).contains(new SecretRef("other-secret"));
        assertThat(c.repositories().get(0).deploy().get(0).source()).isEqualTo(new DeployTarget.Branch("release"));
        assertThat(c.environments().get("dev").platform()).isEqualTo(WORKDIR.resolve("dev.yaml"));
        assertThat(c.kubernetes().secrets()).isTrue();
    }

    @Test
    void environmentVariablesCanAddListEntriesAndMapKeys() {
        Map<String, String> env = Map.of(
                "FLOE_GITOPS_PROFILE", "local",
                "FLOE_GITOPS_ENVIRONMENTS_EU_WEST_PLATFORM", "/p/eu.yaml",
                "FLOE_GITOPS_REPOSITORIES_1_NAME", "acme/other",
                "FLOE_GITOPS_REPOSITORIES_1_PROVIDER", "gitlab",
                "FLOE_GITOPS_REPOSITORIES_1_URL", "https://gitlab.com/acme/other.git");
        GitopsConfig c = loaded(EXAMPLE, env, Map.of());
        assertThat(c.environments()).containsKeys("dev", "eu-west");
        assertThat(c.repositories()).hasSize(2);
        assertThat(c.repositories().get(1).provider()).isEqualTo(GitProvider.GITLAB);
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolderButFlagsAgainstTheWorkingDirectory() {
        GitopsConfig fromFile = loaded("dataDir: state\nsecretsDir: ../secrets", Map.of(), Map.of());
        assertThat(fromFile.dataDir()).isEqualTo(Path.of("/srv/floe/state"));
        assertThat(fromFile.secretsDir()).isEqualTo(Path.of("/srv/secrets"));
        GitopsConfig fromFlag = loaded("dataDir: state", Map.of(), Map.of("dataDir", "here"));
        assertThat(fromFlag.dataDir()).isEqualTo(Path.of("/home/operator/here"));
    }

    @Test
    void severalErrorsAreReportedAtOnceWithLineAndColumn() {
        String yaml = """
                profile: staging
                server: {port: 99999}
                management:
                  prot: 8081
                shutdown: {gracePeriod: soon}
                """;
        List<String> errors = errors(yaml, Map.of(), Map.of());
        assertThat(errors).hasSize(4);
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .isEqualTo("/srv/floe/floe-gitops.yaml:1:10: profile: unknown value 'staging'; allowed: local, production"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("/srv/floe/floe-gitops.yaml:2:16: server.port: must be a whole number from 1 to 65535"));
        assertThat(errors).anySatisfy(e -> assertThat(e)
                .isEqualTo("/srv/floe/floe-gitops.yaml:4:3: management.prot: unknown key (did you mean 'port'?)"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("shutdown.gracePeriod: must be a duration; allowed: 500ms, 30s"));
    }

    @Test
    void unknownKeysAndValuesSuggestTheNearestKnownOne() {
        String yaml = EXAMPLE.replace("provider: github", "provider: githb").replace("kafka: {}", "kafka: {bootstrapServer: x:1}");
        List<String> errors = errors(yaml, Map.of(), Map.of());
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("repositories[0].provider: unknown value 'githb'; allowed: github, gitlab, gitea, bitbucket (did you mean 'github'?)"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("kafka.bootstrapServer: unknown key (did you mean 'bootstrapServers'?)"));
    }

    @Test
    void aTokenPastedIntoAFixedChoiceKeyIsDescribedNotShown() {
        // found by ConfigLoaderFuzzTest: "unknown value '<the value>'" repeated whatever was there
        String token = "ghp_Zq8xV2mK9pL4rT7wY1nB5cD3fH6jS0aEuXo";
        String yaml = EXAMPLE.replace("provider: github", "provider: " + token) + "logging: {level: \"hunter2!\"}\n";
        List<String> errors = errors(yaml, Map.of("FLOE_GITOPS_PROFILE", token), Map.of());
        assertThat(errors).noneMatch(e -> e.contains("Zq8xV2") || e.contains("hunter2"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains(
                "repositories[0].provider: unknown value of 39 characters (not shown: it may be a credential); allowed: github"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("profile: unknown value of 39 characters"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("logging.level: unknown value of 8 characters"));
    }

    @Test
    void unknownEnvironmentVariableNamesTheNearestKnownOne() {
        List<String> errors = errors(EXAMPLE, Map.of("FLOE_GITOPS_KAFKA_BOOTSTRAP_SERVER", "x:1", "FLOE_GITOPS_JAVA_OPTS", "-Xmx1g"), Map.of());
        assertThat(errors).containsExactly("environment variable FLOE_GITOPS_KAFKA_BOOTSTRAP_SERVER: not a configuration key (did you mean 'FLOE_GITOPS_KAFKA_BOOTSTRAP_SERVERS'?)");
    }

    @Test
    void aDeployEntryMustNameADeclaredEnvironment() {
        String yaml = EXAMPLE.replace("{environment: dev, branch: main}", "{environment: prd, branch: main}")
                .replace("dev: {platform", "prod: {platform");
        assertThat(errors(yaml, Map.of(), Map.of())).containsExactly(
                "/srv/floe/floe-gitops.yaml:15:23: repositories[0].deploy[0].environment: environment 'prd' is not declared under 'environments';"
                        + " allowed: prod (did you mean 'prod'?)");
    }

    @Test
    void aBranchUsedAsADeployBranchIsNeverASource() {
        String yaml = EXAMPLE.replace("      - {environment: dev, branch: main}",
                "      - {environment: dev, branch: main}\n      - {environment: prod, branch: deploy/dev}")
                .replace("  dev: {platform: platform/dev/platform.yaml}", "  dev: {platform: d.yaml}\n  prod: {platform: p.yaml}");
        assertThat(errors(yaml, Map.of(), Map.of())).singleElement().asString()
                .contains("repositories[0].deploy[0]: deploy branch 'deploy/dev' is also a source branch");
    }

    @Test
    void eachDeployEntryHasExactlyOneSource() {
        String yaml = EXAMPLE.replace("{environment: dev, branch: main}", "{environment: dev, branch: main, tag: 'v*'}");
        assertThat(errors(yaml, Map.of(), Map.of())).singleElement().asString()
                .contains("repositories[0].deploy[0]: exactly one of 'branch' and 'tag' is required");
        GitopsConfig c = loaded(EXAMPLE.replace("branch: main", "tag: \"v*\""), Map.of(), Map.of());
        assertThat(c.repositories().get(0).deploy().get(0).source()).isEqualTo(new DeployTarget.TagPattern("v*"));
    }

    @Test
    void aRepositoryWithoutWebhookSecretIsAnErrorOutsideTheLocalProfile() {
        String yaml = EXAMPLE.replace("    webhookSecret: {secret_ref: sales-webhook-secret}\n", "");
        assertThat(errors(yaml, Map.of(), Map.of())).singleElement().asString()
                .contains("repositories[0].webhookSecret: is required outside the 'local' profile");
        assertThat(loaded(yaml.replace("profile: production", "profile: local"), Map.of(), Map.of()).repositories()).hasSize(1);
        String withOrg = yaml + "organizations:\n  - {name: acme, provider: github, webhookSecret: {secret_ref: acme-org}}\n";
        assertThat(loaded(withOrg, Map.of(), Map.of()).organizations().get(0).webhookSecret()).isEqualTo(new SecretRef("acme-org"));
    }

    @Test
    void aLiteralWhereASecretReferenceBelongsIsRejectedWithoutEchoingIt() {
        String yaml = EXAMPLE.replace("{secret_ref: sales-webhook-secret}", "s3cr3t-literal-value");
        List<String> errors = errors(yaml, Map.of(), Map.of());
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("repositories[0].webhookSecret: must be a secret reference {secret_ref: name}, not a literal value"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("inline credential (secret-named-key) *** (20 chars)"));
        assertThat(String.join("\n", errors)).doesNotContain("s3cr3t");
    }

    @Test
    void anInlineCredentialRefusesToStartOutsideLocalAndWarnsInLocal() {
        String yaml = EXAMPLE.replace("kafka: {}", "kafka: {bootstrapServers: 'sasl://admin:hunter2hunter2@kafka:9092'}")
                .replace("policy: {}", "policy: {notify: {apiToken: abcdef123456}}");
        List<String> errors = errors(yaml, Map.of(), Map.of());
        assertThat(errors).hasSize(2);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("kafka.bootstrapServers: inline credential (url-credentials) *** (14 chars)"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("policy.notify.apiToken: inline credential (secret-named-key) *** (12 chars)"));
        assertThat(String.join("\n", errors)).doesNotContain("hunter2").doesNotContain("abcdef");

        ConfigLoadResult local = load(yaml.replace("profile: production", "profile: local"), Map.of(), Map.of());
        assertThat(local).isInstanceOf(ConfigLoadResult.Loaded.class);
        assertThat(((ConfigLoadResult.Loaded) local).warnings()).hasSize(2).allSatisfy(w -> assertThat(w).doesNotContain("hunter2"));
    }

    @Test
    void theScannerIsAHookTheServicesCanReplace() {
        ConfigScanner strict = tree -> List.of(new ConfigFinding("custom-rule", "server", "*** (1 chars)", tree.origin()));
        ConfigLoadResult result = new ConfigLoader(strict).load(ConfigSource.ofText(EXAMPLE, FILE, Map.of(), Map.of(), WORKDIR));
        assertThat(((ConfigLoadResult.Invalid) result).errors()).singleElement().extracting(ConfigError::message).asString().contains("custom-rule");
    }

    @Test
    void policyStaysAnOpaqueMapForThePolicyModule() {
        GitopsConfig c = loaded(EXAMPLE.replace("policy: {}", "policy: {mode: enforce, budgetBytes: 1048576, exemptions: [{namespace: ci, reason: tests}]}"),
                Map.of("FLOE_GITOPS_POLICY_MODE", "warn"), Map.of());
        assertThat(c.policy()).containsEntry("mode", "warn").containsEntry("budgetBytes", 1048576L);
        assertThat(c.policy().get("exemptions")).isEqualTo(List.of(Map.of("namespace", "ci", "reason", "tests")));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThat(errors("server: {port: 1}\nserver: {port: 2}\n", Map.of(), Map.of())).singleElement().asString()
                .isEqualTo("/srv/floe/floe-gitops.yaml:2:1: server: duplicate key (first defined at /srv/floe/floe-gitops.yaml:1:1)");
    }

    @Test
    void aliasesBeyondTheCapAreRejected() {
        StringBuilder yaml = new StringBuilder("a: &a [1, 2]\npolicy:\n  list:\n");
        for (int i = 0; i < 60; i++) yaml.append("    - *a\n");
        assertThat(errors(yaml.toString(), Map.of(), Map.of())).singleElement().asString().contains("invalid YAML").contains("aliases");
    }

    @Test
    void anOversizedFileIsRejectedBeforeParsing() {
        ConfigLoader loader = new ConfigLoader(new BuiltinConfigScanner(), new YamlTreeReader.Limits(100, 5, 1000));
        ConfigLoadResult result = loader.load(ConfigSource.ofText("policy: {x: '" + "a".repeat(200) + "'}", FILE, Map.of(), Map.of(), WORKDIR));
        assertThat(((ConfigLoadResult.Invalid) result).errors()).singleElement().extracting(ConfigError::message).asString()
                .contains("more than the limit of 100");
    }

    @Test
    void invalidYamlReportsItsPosition() {
        assertThat(errors("server:\n  port: [1\n", Map.of(), Map.of())).singleElement().asString()
                .startsWith("/srv/floe/floe-gitops.yaml:3:1: (root): invalid YAML");
    }

    @Test
    void noFileMeansDefaultsEnvironmentAndFlagsOnly() {
        ConfigLoadResult result = new ConfigLoader(new BuiltinConfigScanner()).load(new ConfigSource(Optional.empty(), Optional.empty(),
                Map.of("FLOE_GITOPS_PROFILE", "local"), Map.of("dataDir", "d"), WORKDIR));
        GitopsConfig c = ((ConfigLoadResult.Loaded) result).config();
        assertThat(c.profile()).isEqualTo(Profile.LOCAL);
        assertThat(c.dataDir()).isEqualTo(WORKDIR.resolve("d"));
    }

    @Test
    void aFlagWithAMalformedKeyPathIsAnError() {
        assertThat(errors(EXAMPLE, Map.of(), Map.of("repositories[x].url", "u"))).singleElement().asString()
                .contains("flag repositories[x].url").contains("list index must be a number");
        assertThat(errors(EXAMPLE, Map.of(), Map.of("repositories[5].url", "u"))).singleElement().asString()
                .contains("index 5 is past the end of 'repositories' (1 entries; use index 1 to add one)");
    }

    @Test
    void mainLoadsTheFileRelativeToTheWorkingDirectory(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("etc"));
        java.nio.file.Files.writeString(dir.resolve("etc/floe-gitops.yaml"), "profile: local\ndataDir: state\n");
        ConfigLoader loader = new ConfigLoader(new BuiltinConfigScanner());
        var loaded = (ConfigLoadResult.Loaded) loader.load(Optional.of(Path.of("etc/floe-gitops.yaml")), Map.of(), Map.of(), dir);
        assertThat(loaded.config().dataDir()).isEqualTo(dir.resolve("etc/state"));
        var missing = (ConfigLoadResult.Invalid) loader.load(Optional.of(Path.of("nope.yaml")), Map.of(), Map.of(), dir);
        assertThat(missing.report()).contains(dir.resolve("nope.yaml") + ": config file not found");
    }

    @Test
    void theConfigTreeNeverPrintsScalarValues() {
        var local = (ConfigLoadResult.Loaded) load(EXAMPLE.replace("profile: production", "profile: local")
                .replace("policy: {}", "policy: {apiToken: abcdef123456}"), Map.of(), Map.of());
        assertThat(local.tree().toString()).doesNotContain("abcdef123456").contains("12 chars");
    }

    @Test
    void theAdmissionSectionHasItsDefaultsAndTakesFileEnvironmentAndFlags() {
        AdmissionConfig defaults = loaded(EXAMPLE, Map.of(), Map.of()).admission();
        assertThat(defaults).isEqualTo(AdmissionConfig.defaults());
        String yaml = EXAMPLE.replace("policy: {}", """
                admission:
                  mode: warn
                  scanBudget: 500ms
                  certFile: tls/tls.crt
                  keyFile: tls/tls.key
                  exemptions:
                    - {namespaces: [legacy], names: ["billing-*"], rules: [secret-named-key], reason: "BILL-142"}
                policy: {}""");
        AdmissionConfig a = loaded(yaml, Map.of("FLOE_GITOPS_ADMISSION_FAILURE_VERDICT", "allow",
                "FLOE_GITOPS_ADMISSION_EXEMPTIONS_0_NAMESPACES_1", "legacy-2"), Map.of("admission.port", "9443")).admission();
        assertThat(a.mode()).isEqualTo(AdmissionConfig.Mode.WARN);
        assertThat(a.failureVerdict()).isEqualTo(AdmissionConfig.FailureVerdict.ALLOW);
        assertThat(a.scanBudget()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(a.port()).isEqualTo(9443);
        assertThat(a.certFile()).contains(Path.of("/srv/floe/tls/tls.crt"));
        assertThat(a.exemptions()).containsExactly(new AdmissionExemption(List.of("legacy", "legacy-2"), List.of("billing-*"),
                List.of("secret-named-key"), "BILL-142"));
    }

    @Test
    void admissionMistakesAreReportedTogether() {
        String yaml = EXAMPLE.replace("policy: {}", """
                admission:
                  port: 8081
                  mode: enforse
                  certFile: tls.crt
                  exemptions:
                    - {namespaces: [legacy]}
                policy: {}""");
        assertThat(errors(yaml, Map.of(), Map.of())).anySatisfy(e -> assertThat(e).contains("admission.mode").contains("did you mean 'enforce'?"))
                .anySatisfy(e -> assertThat(e).contains("'certFile' and 'keyFile' go together"))
                .anySatisfy(e -> assertThat(e).contains("admission.exemptions[0].reason: is required"))
                .anySatisfy(e -> assertThat(e).contains("admission.port: must differ from management.port"));
    }
}
