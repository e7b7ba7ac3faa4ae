package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/** Renders small pipelines against targeted platform files to pin each compute type and each binding rule. */
class ComputeAndBindingRenderingTest {
    static final String FLOE = """
            name: demo_pipe
            version: "1.0.0"
            transforms:
              - {name: t, project: proj, models: [{path: "models/*.sql"}]}
            image: ghcr.io/acme/demo:${SOURCE_SHA}
            """;

    static String platform(String compute, String extra) {
        return """
                version: "1.2.0"
                storage:
                  default:
                    bucket: test-bucket
                    endpoint: "http://minio:9000"
                    credentials: {mode: static, secret_ref: minio-keys}
                catalogs:
                  default:
                    uri: {secret_ref: polaris-uri}
                    warehouse: wh
                    credentials:
                      mode: oauth2
                      client_id: floe-client
                      client_secret: {secret_ref: polaris-secret}
                compute:
                  default:
                """ + compute.indent(4) + extra;
    }

    static CompileResult compile(String platform) {
        SourceTree src = MapSourceTree.of("floe.yaml", FLOE, "proj/dbt_project.yml", "name: proj\nprofile: proj_profile\n",
                "proj/models/a.sql", "select 1");
        return new FloeCompiler(CompilerLimits.defaults()).compile(new CompileRequest(src, "floe.yaml",
                platform.getBytes(StandardCharsets.UTF_8), "platform.yaml", "dev",
                new SourceInfo("repo", Fixtures.COMMIT, "refs/heads/main")));
    }

    static CompileResult.Compiled compiled(String platform) {
        CompileResult r = compile(platform);
        if (r instanceof CompileResult.Failed f) {
            throw new AssertionError(f.errors().toString());
        }
        return (CompileResult.Compiled) r;
    }

    static String file(CompileResult.Compiled c, String path) {
        return new String(c.tree().files().get(path), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> output(CompileResult.Compiled c) {
        Map<String, Object> profiles = new Yaml().load(file(c, "dbt/profiles.yml"));
        Map<String, Object> profile = (Map<String, Object>) profiles.get("proj_profile");
        assertThat(profile.get("target")).isEqualTo("dev");
        return (Map<String, Object>) ((Map<String, Object>) profile.get("outputs")).get("dev");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "duckdb     | {}                                                     | type,path,threads",
            "snowflake  | {account: acme, warehouse: WH, database: DB, role: R}  | type,account,user,password,role,warehouse,database,schema,threads",
            "bigquery   | {project: p, dataset: d}                               | type,method,project,dataset,keyfile,threads",
            "redshift   | {host: rs.example, database: dw}                       | type,host,port,user,password,dbname,schema,threads",
            "postgres   | {host: pg.example, database: app}                      | type,host,port,user,password,dbname,schema,threads",
            "databricks | {host: dbc.example, http_path: /sql/1, catalog: main}  | type,host,http_path,token,catalog,schema,threads",
            "spark      | {host: spark.example, schema: s, cluster: c}           | type,method,host,port,cluster,user,schema,threads",
            "trino      | {host: trino.example, catalog: iceberg, schema: s}     | type,method,host,port,user,password,catalog,schema,threads"})
    void rendersDbtProfilesForEveryComputeType(String type, String properties, String keys) {
        CompileResult.Compiled c = compiled(platform("type: " + type + "\nproperties: " + properties
                + "\ncredentials: {mode: static, secret_ref: warehouse-login}\n", ""));
        Map<String, Object> out = output(c);
        assertThat(out.keySet()).containsExactly(keys.split(","));
        String text = file(c, "dbt/profiles.yml");
        for (Object v : out.values()) {
            if (v instanceof String s && s.contains("{{")) {
                assertThat(s).matches("\\{\\{ env_var\\('DBT_ENV_SECRET_[A-Z0-9_]+'\\)( \\| as_number)? }}");
                assertThat(text).contains("\"" + s + "\"");
            }
        }
    }

    @Test
    void bindsComputeCredentialsAsDbtSecretVariablesFromTheirSecret() {
        CompileResult.Compiled c = compiled(platform("type: postgres\nproperties: {host: pg, port: {secret_ref: pg-port}}\n"
                + "credentials: {mode: static, secret_ref: pg-login}\n", ""));
        Map<String, Object> out = output(c);
        assertThat(out.get("user")).isEqualTo("{{ env_var('DBT_ENV_SECRET_PG_LOGIN_USERNAME') }}");
        assertThat(out.get("password")).isEqualTo("{{ env_var('DBT_ENV_SECRET_PG_LOGIN_PASSWORD') }}");
        assertThat(out.get("port")).isEqualTo("{{ env_var('DBT_ENV_SECRET_PG_PORT') | as_number }}");
        String deployment = file(c, "manifests/deployment-demo-pipe-code-location.yaml");
        assertThat(deployment).contains("name: DBT_ENV_SECRET_PG_LOGIN_USERNAME", "key: username", "name: DBT_ENV_SECRET_PG_PORT");
    }

    @Test
    void mountsTheBigQueryKeyfileFromItsSecret() {
        CompileResult.Compiled c = compiled(platform("type: bigquery\nproperties: {project: p}\n"
                + "credentials: {mode: static, secret_ref: bq-sa}\n", ""));
        assertThat(output(c).get("keyfile")).isEqualTo("/var/run/secrets/floe/bq-sa/keyfile.json");
        String deployment = file(c, "manifests/deployment-demo-pipe-code-location.yaml");
        assertThat(deployment).contains("secretName: bq-sa", "mountPath: /var/run/secrets/floe/bq-sa", "key: keyfile.json");
    }

    @Test
    void composesThePyIcebergCredentialAfterTheVariablesItUses() {
        CompileResult.Compiled c = compiled(platform("type: duckdb\n", ""));
        String deployment = file(c, "manifests/deployment-demo-pipe-code-location.yaml");
        assertThat(deployment).contains("name: PYICEBERG_CATALOG__DEFAULT__CREDENTIAL\n              value: floe-client:$(POLARIS_SECRET)");
        assertThat(deployment.indexOf("name: POLARIS_SECRET")).isLessThan(deployment.indexOf("PYICEBERG_CATALOG__DEFAULT__CREDENTIAL"));
        assertThat(deployment).contains("name: PYICEBERG_CATALOG__DEFAULT__URI", "value: $(POLARIS_URI)", "name: AWS_ACCESS_KEY_ID",
                "key: access_key_id", "image: ghcr.io/acme/demo:" + Fixtures.COMMIT);
        String pyiceberg = file(c, "iceberg/.pyiceberg.yaml");
        assertThat(pyiceberg).doesNotContain("uri:").contains("s3.endpoint: http://minio:9000", "s3.force-virtual-addressing: \"false\"",
                "header.X-Iceberg-Access-Delegation: \"\"");
    }

    @Test
    void rendersOneExternalSecretPerSecretForVault() {
        CompileResult.Compiled c = compiled(platform("type: duckdb\n", """
                security:
                  secret_backends:
                    primary: vault
                    vault: {enabled: true, server_url: "https://vault:8200", kubernetes_role: floe, secret_path: secret/data/floe}
                    external_secrets: {store: {name: vault-store, kind: SecretStore}}
                """));
        List<String> externalSecrets = c.tree().files().keySet().stream().filter(f -> f.startsWith("manifests/externalsecret-")).toList();
        assertThat(externalSecrets).containsExactly("manifests/externalsecret-minio-keys.yaml",
                "manifests/externalsecret-polaris-secret.yaml", "manifests/externalsecret-polaris-uri.yaml");
        assertThat(file(c, "manifests/externalsecret-minio-keys.yaml")).contains("apiVersion: external-secrets.io/v1",
                "name: vault-store", "kind: SecretStore", "secretKey: access_key_id", "key: secret/data/floe/minio-keys");
        assertThat(file(c, "kustomization.yaml")).contains("- manifests/externalsecret-minio-keys.yaml");
    }

    @Test
    void annotatesTheServiceAccountWithTheIamRole() {
        CompileResult.Compiled c = compiled("""
                storage: {default: {bucket: b-bucket, credentials: {mode: iam_role, role_arn: "arn:aws:iam::123456789012:role/Floe"}}}
                catalogs: {default: {uri: "http://p", warehouse: wh}}
                compute: {default: {type: duckdb}}
                """);
        assertThat(file(c, "manifests/serviceaccount-demo-pipe.yaml"))
                .contains("eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/Floe");
    }

    @Test
    void stopsWithAnErrorNamingTheFileWhenAnObjectIsTooBig() {
        CompilerLimits tiny = new CompilerLimits(1 << 20, 64, 50, 100_000, 900 * 1024, 2 * 1024);
        SourceTree src = MapSourceTree.of("floe.yaml", FLOE, "proj/dbt_project.yml", "profile: p\n", "proj/models/a.sql", "x");
        CompileResult r = new FloeCompiler(tiny).compile(new CompileRequest(src, "floe.yaml",
                platform("type: duckdb\n", "").getBytes(StandardCharsets.UTF_8), "platform.yaml", "dev",
                new SourceInfo("repo", Fixtures.COMMIT, "main")));
        assertThat(((CompileResult.Failed) r).errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("manifests/configmap-demo-pipe-floe-artifacts.yaml");
            assertThat(e.message()).contains("over the limit of 2048 bytes");
        });
        CompilerLimits smallConfigMap = new CompilerLimits(1 << 20, 64, 50, 100_000, 1024, 256 * 1024);
        CompileResult r2 = new FloeCompiler(smallConfigMap).compile(new CompileRequest(src, "floe.yaml",
                platform("type: duckdb\n", "").getBytes(StandardCharsets.UTF_8), "platform.yaml", "dev",
                new SourceInfo("repo", Fixtures.COMMIT, "main")));
        assertThat(((CompileResult.Failed) r2).errors()).anySatisfy(e -> assertThat(e.message()).startsWith("ConfigMap data in manifests/"));
    }

    @Test
    void requiresTheAdapterPropertiesDbtNeeds() {
        CompileResult r = compile(platform("type: snowflake\nproperties: {warehouse: WH}\n", ""));
        assertThat(((CompileResult.Failed) r).errors()).extracting(CompileError::format)
                .containsExactly("platform.yaml:17:5: compute profile 'default' (snowflake) needs properties.account for dbt");
    }

    @Test
    void rejectsAnEnvironmentNameThatIsNotALabelValue() {
        SourceTree src = MapSourceTree.of("floe.yaml", FLOE, "proj/dbt_project.yml", "profile: p\n", "proj/models/a.sql", "x");
        CompileResult r = new FloeCompiler(CompilerLimits.defaults()).compile(new CompileRequest(src, "floe.yaml",
                platform("type: duckdb\n", "").getBytes(StandardCharsets.UTF_8), "platform.yaml", "Prod_EU",
                new SourceInfo("repo", Fixtures.COMMIT, "main")));
        assertThat(((CompileResult.Failed) r).errors()).extracting(CompileError::message)
                .anySatisfy(m -> assertThat(m).startsWith("environment name 'Prod_EU' must be a Kubernetes label value"));
    }

    @Test
    void resolvesProjectFoldersRelativeToAFloeYamlInASubfolder() {
        SourceTree src = MapSourceTree.of("pipelines/demo/floe.yaml", FLOE, "pipelines/demo/proj/dbt_project.yml", "profile: sub\n",
                "pipelines/demo/proj/models/a.sql", "x");
        CompileResult r = new FloeCompiler(CompilerLimits.defaults()).compile(new CompileRequest(src, "pipelines/demo/floe.yaml",
                platform("type: duckdb\n", "").getBytes(StandardCharsets.UTF_8), "platform.yaml", "dev",
                new SourceInfo("repo", Fixtures.COMMIT, "main")));
        assertThat(r).isInstanceOf(CompileResult.Compiled.class);
        CompileResult.Compiled c = (CompileResult.Compiled) r;
        assertThat(c.artifacts().transforms().get(0).modelFiles()).containsExactly("pipelines/demo/proj/models/a.sql");
        assertThat(c.artifacts().dbt().profileName()).isEqualTo("sub");
    }

    @Test
    void takesAdapterCredentialsGivenAsPropertyReferences() {
        CompileResult.Compiled c = compiled(platform("type: databricks\nproperties: {host: dbc, http_path: /sql, token: {secret_ref: dbc-token}}\n", ""));
        assertThat(output(c).get("token")).isEqualTo("{{ env_var('DBT_ENV_SECRET_DBC_TOKEN') }}");
        assertThat(file(c, "manifests/deployment-demo-pipe-code-location.yaml")).contains("name: DBT_ENV_SECRET_DBC_TOKEN");
    }
}
