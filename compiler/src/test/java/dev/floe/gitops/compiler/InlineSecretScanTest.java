package dev.floe.gitops.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.gitops.policy.PolicyConfig;
import dev.floe.gitops.policy.PolicyEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compiler's policy step: inputs before their meaning, the rendered tree before it is returned. */
class InlineSecretScanTest {

    /** Format-valid but fake: built by concatenation so no scanner flags this source file. */
    private static final String GITHUB_TOKEN = "ghp_" + "R4nd0mL00k1ngT0k3nV4lu3F0rT3st1ng001";

    private static CompileResult compile(String floeYaml, FloeCompiler compiler) {
        Path root = Fixtures.repoRoot();
        MapSourceTree tree = MapSourceTree.of(
                "floe.yaml", floeYaml,
                "sales_dbt/dbt_project.yml", "name: sales_dbt\nprofile: sales_dbt\n",
                "sales_dbt/models/bronze/a.sql", "select 1\n");
        return compiler.compile(new CompileRequest(tree, "floe.yaml",
                Fixtures.read(root.resolve("platform/local/platform.yaml")), "platform.yaml", "local",
                new SourceInfo("acme/sales", Fixtures.COMMIT, "refs/heads/main")));
    }

    private static final String CLEAN = """
            name: sales
            version: "1.0.0"
            transforms:
              - {name: bronze, type: dbt, project: sales_dbt, models: [{path: models/bronze/*.sql}]}
            """;

    @Test
    void tokenInFloeYamlIsAMaskedCompileError() {
        String floe = CLEAN + "observability:\n  attributes:\n    team: sales\n    note: \"" + GITHUB_TOKEN + "\"\n";
        CompileResult result = compile(floe, new FloeCompiler(CompilerLimits.defaults()));
        assertThat(result).isInstanceOf(CompileResult.Failed.class);
        List<CompileError> errors = ((CompileResult.Failed) result).errors();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("floe.yaml");
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.message()).contains("inline secret (github-").contains("ghp_***");
        });
        assertThat(errors.toString()).doesNotContain(GITHUB_TOKEN).doesNotContain(GITHUB_TOKEN.substring(4, 12));
    }

    @Test
    void literalClientSecretKeepsItsSchemaMessageWithoutASecondFinding() {
        String platform = new String(Fixtures.read(Fixtures.repoRoot().resolve(
                "compiler/src/test/resources/broken/literal-client-secret/platform.yaml")), StandardCharsets.UTF_8);
        String expected = new String(Fixtures.read(Fixtures.repoRoot().resolve(
                "compiler/src/test/resources/broken/literal-client-secret/expected-errors.txt")), StandardCharsets.UTF_8);
        assertThat(platform).isNotEmpty();
        assertThat(expected.lines().filter(l -> l.contains("inline secret"))).isEmpty();
    }

    @Test
    void renderedTreeIsScannedBeforeItIsReturned() {
        // A custom rule that matches what the renderer writes (the managed-by label) proves the tree is scanned:
        // clean inputs, yet the render fails on a rendered file.
        PolicyConfig config = PolicyConfig.fromMap(Map.of("customRules", List.of(Map.of(
                "id", "test-rendered-marker", "regex", "^(floe-gitops)$", "keywords", List.of("floe-gitops"),
                "description", "test rule", "remediation", "test"))));
        CompileResult result = compile(CLEAN, new FloeCompiler(CompilerLimits.defaults(), new PolicyEngine(config)));
        assertThat(result).isInstanceOf(CompileResult.Failed.class);
        assertThat(((CompileResult.Failed) result).errors())
                .anySatisfy(e -> assertThat(e.file()).startsWith("manifests/"))
                .allSatisfy(e -> assertThat(e.message()).contains("test-rendered-marker"));
    }

    @Test
    void cleanInputsCompile() {
        assertThat(compile(CLEAN, new FloeCompiler(CompilerLimits.defaults()))).isInstanceOf(CompileResult.Compiled.class);
    }
}
